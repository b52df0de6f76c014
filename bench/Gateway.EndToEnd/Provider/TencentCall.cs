namespace Gateway.EndToEnd.Provider;

/// <summary>One send request the Tencent emulator received, read back from its journal.</summary>
/// <param name="Status">The HTTP status it answered (0: no answer recorded, for example in flight when the gateway was stopped).</param>
/// <param name="ErrorCode">The answer's <c>ErrorCode</c>, if the answer was a Tencent envelope.</param>
/// <param name="MessageId">The command's id, from the request's <c>CloudCustomData</c> (the load generator puts it in <c>options.extension</c>).</param>
/// <param name="Recipients">The request's recipients: the length of a <c>To_Account</c> array, else 1.</param>
/// <param name="FailedRecipients">The length of the answer's <c>ErrorList</c>.</param>
internal readonly record struct TencentCall(int Status, int? ErrorCode, string? MessageId, int Recipients, int FailedRecipients)
{
    /// <summary>The quota answers: 60007 (REST API frequency), 60011 (SDKAppID frequency, the batch recipients), 10023 (group messages).</summary>
    public static readonly int[] RateLimitCodes = [60007, 60011, 10023];

    /// <summary>Gets a value indicating whether the emulator accepted the call (HTTP 200, <c>ErrorCode</c> 0).</summary>
    public bool Accepted => Status == 200 && ErrorCode == 0;

    /// <summary>Gets a value indicating whether the call was refused for a quota (a rate-limit code, or HTTP 429).</summary>
    public bool RateLimited => Status == 429 || (ErrorCode is { } code && RateLimitCodes.Contains(code));

    /// <summary>Gets the recipients the call reached when accepted.</summary>
    public int Delivered => Accepted ? Recipients - FailedRecipients : 0;
}
