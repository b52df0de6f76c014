namespace Gateway.Reliability.FakeProvider;

/// <summary>What the fake provider saw for one messageId (the command's <c>options.extension</c>).</summary>
internal sealed class MessageStats
{
    /// <summary>Gets or sets the sends the provider accepted (and a real one would have delivered).</summary>
    public int Deliveries { get; set; }

    /// <summary>
    /// Gets or sets the distinct gateway calls among those sends: OpenIM <c>operationID</c> headers (one per bus attempt and
    /// token replay; the HTTP handler's own retries reuse it), Tencent URL <c>random</c> values.
    /// </summary>
    public int Calls { get; set; }

    /// <summary>Gets or sets the most sends accepted under one call (above 1: the HTTP handler resent an accepted send).</summary>
    public int MaxDeliveriesPerCall { get; set; }

    /// <summary>Gets or sets sends Tencent's 120 s dedup answered without delivering again.</summary>
    public int Deduplicated { get; set; }

    /// <summary>Gets or sets the first accepted send, Unix milliseconds.</summary>
    public long FirstUnixMs { get; set; }

    /// <summary>Gets or sets the last accepted send, Unix milliseconds.</summary>
    public long LastUnixMs { get; set; }
}
