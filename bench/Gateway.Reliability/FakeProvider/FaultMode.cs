namespace Gateway.Reliability.FakeProvider;

/// <summary>How the fake provider answers, switchable at run time through <c>POST /_control</c>.</summary>
internal enum FaultMode
{
    /// <summary>Answers like the real server.</summary>
    Normal,

    /// <summary>HTTP 503 with no provider envelope (a proxy in front of a dead server).</summary>
    Http503,

    /// <summary>HTTP 200 with OpenIM errCode 500 <c>ServerInternalError</c> (Tencent: ErrorCode 70500, internal error).</summary>
    ErrCode500,

    /// <summary>Accepts the request and never answers; the client's attempt timeout ends it.</summary>
    Hang,

    /// <summary>Aborts the connection without an answer.</summary>
    Reset,

    /// <summary>Accepts and counts the delivery, then answers after a delay longer than the gateway's attempt timeout.</summary>
    Late,

    /// <summary>
    /// Normal, except that every admin token (OpenIM) or UserSig (Tencent) issued before the switch is rejected:
    /// errCode 1501 <c>TokenExpiredError</c>, ErrorCode 70001. Credentials obtained afterwards work.
    /// </summary>
    TokensRejected,
}
