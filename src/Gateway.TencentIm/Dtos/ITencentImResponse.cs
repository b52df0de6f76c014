namespace Gateway.TencentIm.Dtos;

/// <summary>The envelope every Tencent response carries; the outcome is decided on <see cref="ErrorCode"/>.</summary>
internal interface ITencentImResponse
{
    /// <summary>Gets <c>OK</c> or <c>FAIL</c>.</summary>
    string? ActionStatus { get; }

    /// <summary>Gets the error code, 0 on success.</summary>
    int ErrorCode { get; }

    /// <summary>Gets the error text.</summary>
    string? ErrorInfo { get; }
}
