using Gateway.Core.Idempotency;

namespace Gateway.Core.Providers;

/// <summary>Which exceptions of the gateway mean "nothing was lost, try again later" (the bus retries and redelivers them).</summary>
public static class TransientFailures
{
    /// <summary>Gets whether an exception thrown by the gateway's pipeline is worth another attempt later.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a transient <see cref="ProviderException"/>, a message in progress elsewhere, and an unreachable shared store.</returns>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ProviderException provider => provider.IsTransient,
        MessageInProgressException or StoreUnavailableException => true,
        _ => false,
    };

    /// <summary>Gets how long the provider asked to wait, when the exception says.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The wait, or <see langword="null"/>.</returns>
    public static TimeSpan? RetryAfter(Exception exception) => (exception as ProviderException)?.RetryAfter;
}
