namespace Gateway.Reliability.FakeProvider;

/// <summary>The body of <c>POST /_control</c>: <c>{"mode":"late","lateDelayMs":12000}</c>, <c>{"reset":true}</c>.</summary>
internal sealed class ControlRequest
{
    /// <summary>Gets or sets the new mode: normal, http503, errcode500, hang, reset, late, tokens-rejected (absent: unchanged).</summary>
    public string? Mode { get; set; }

    /// <summary>Gets or sets how long a late answer waits (default 12 s, above the gateway's 10 s attempt timeout).</summary>
    public int? LateDelayMs { get; set; }

    /// <summary>Gets or sets a value indicating whether to forget every count, token and dedup entry first.</summary>
    public bool Reset { get; set; }
}
