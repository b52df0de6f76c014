namespace Gateway.Sandbox.Hosting;

/// <summary>A failure an emulator injects instead of (or before) handling a request normally.</summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>Answers with a status and an optional body, without running the endpoint.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body (JSON text), or <see langword="null"/> for none.</param>
    /// <param name="headers">Extra response headers, for example <c>Retry-After</c>.</param>
    /// <returns>The fault.</returns>
    public static Fault Respond(int status, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new RespondFault(status, body, headers ?? new Dictionary<string, string>());

    /// <summary>Waits before handling the request normally (use a delay beyond the client's timeout to force a timeout).</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The fault.</returns>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Closes the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static Fault DropConnection() => new DropConnectionFault();
}
