using Gateway.Core.Contracts;

namespace Gateway.Core.Providers;

/// <summary>
/// A provider refused a request or could not be reached. Carries the provider's raw code and the gateway's
/// classification; the message never contains a secret, token or signed URL.
/// </summary>
public class ProviderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ProviderException"/> class.</summary>
    public ProviderException()
        : this("unknown", GatewayErrorCode.Unknown, "The provider failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ProviderException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    public ProviderException(string message)
        : this("unknown", GatewayErrorCode.Unknown, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ProviderException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public ProviderException(string message, Exception? innerException)
        : this("unknown", GatewayErrorCode.Unknown, message, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ProviderException"/> class.</summary>
    /// <param name="provider">The provider instance name.</param>
    /// <param name="errorCode">The gateway's classification.</param>
    /// <param name="message">The explanation, naming the field or quoting the provider; no secrets.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="status">The HTTP status, or 0 when no response arrived.</param>
    /// <param name="providerErrorCode">The provider's own error code, if any.</param>
    /// <param name="retryAfter">How long the provider asked to wait, if it said.</param>
    /// <param name="innerException">The cause.</param>
    public ProviderException(
        string provider,
        GatewayErrorCode errorCode,
        string message,
        bool isTransient = false,
        int status = 0,
        string? providerErrorCode = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        ErrorCode = errorCode;
        IsTransient = isTransient;
        Status = status;
        ProviderErrorCode = providerErrorCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the provider instance name.</summary>
    public string Provider { get; }

    /// <summary>Gets the HTTP status of the provider's answer, or 0 when no response arrived.</summary>
    public int Status { get; }

    /// <summary>Gets the provider's own error code (OpenIM <c>errCode</c>, Tencent <c>ErrorCode</c>), if any.</summary>
    public string? ProviderErrorCode { get; }

    /// <summary>Gets the gateway's classification of the failure.</summary>
    public GatewayErrorCode ErrorCode { get; }

    /// <summary>Gets a value indicating whether trying again later may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>Gets how long the provider asked to wait before trying again, if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Converts the exception to the error reported in events.</summary>
    /// <returns>The error.</returns>
    public GatewayError ToGatewayError() => new()
    {
        Code = ErrorCode,
        ProviderCode = ProviderErrorCode,
        Message = Message,
        Transient = IsTransient,
        RetryAfter = RetryAfter,
    };
}
