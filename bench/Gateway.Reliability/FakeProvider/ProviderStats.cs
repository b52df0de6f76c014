namespace Gateway.Reliability.FakeProvider;

/// <summary>The answer of <c>GET /_stats</c>.</summary>
internal sealed class ProviderStats
{
    public string Mode { get; set; } = "normal";

    /// <summary>Gets or sets every request to a provider route.</summary>
    public long Requests { get; set; }

    /// <summary>Gets or sets the requests answered with a fault (503, errCode 500, hang, reset).</summary>
    public long Faulted { get; set; }

    /// <summary>Gets or sets accepted sends, all messages together.</summary>
    public long Deliveries { get; set; }

    public long TokensIssued { get; set; }

    /// <summary>Gets or sets sends refused because their admin token was issued before the switch (1501).</summary>
    public long TokenRejections { get; set; }

    /// <summary>Gets or sets sends refused because their UserSig was generated before the switch (70001).</summary>
    public long UserSigRejections { get; set; }

    public long TencentDeduplicated { get; set; }

    /// <summary>Gets or sets the last accepted send, Unix milliseconds (0: none).</summary>
    public long LastDeliveryUnixMs { get; set; }

    public Dictionary<string, MessageStats> Messages { get; set; } = new(StringComparer.Ordinal);
}
