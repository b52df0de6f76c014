namespace Gateway.Core.Contracts;

/// <summary>A failure, in the gateway's own terms, with the provider's raw code when there is one.</summary>
public sealed record GatewayError
{
    /// <summary>Gets the gateway's classification of the failure.</summary>
    public required GatewayErrorCode Code { get; init; }

    /// <summary>Gets the provider's own error code, as text (OpenIM <c>errCode</c>, Tencent <c>ErrorCode</c>), if any.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>Gets a human-readable explanation naming the field or quoting the provider; never contains a secret.</summary>
    public required string Message { get; init; }

    /// <summary>Gets a value indicating whether trying again later may succeed.</summary>
    public bool Transient { get; init; }

    /// <summary>Gets how long the provider asked to wait before trying again, when it said (rate limits).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the individual validation failures, one per field and rule, for <see cref="GatewayErrorCode.InvalidMessage"/>.</summary>
    public IReadOnlyList<GatewayErrorDetail>? Details { get; init; }
}
