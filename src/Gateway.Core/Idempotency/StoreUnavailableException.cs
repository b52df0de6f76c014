namespace Gateway.Core.Idempotency;

/// <summary>
/// A shared store (idempotency record or rate-limit windows) could not be reached. The gateway sends nothing it could
/// not claim, so the command is left for a later attempt.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    public StoreUnavailableException()
        : this("The shared store could not be reached.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    /// <param name="message">The explanation (never the connection string).</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    /// <param name="message">The explanation (never the connection string).</param>
    /// <param name="innerException">The cause.</param>
    public StoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
