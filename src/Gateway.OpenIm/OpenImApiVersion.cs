namespace Gateway.OpenIm;

/// <summary>Which OpenIM server API an instance talks to; selects the token route, paths and wire details.</summary>
public enum OpenImApiVersion
{
    /// <summary>
    /// OpenIM v3.8.1 and later (including main): admin token from <c>/auth/get_admin_token</c>, messages through
    /// <c>/msg/send_msg</c> and <c>/msg/batch_send_msg</c>, <c>operationID</c> header, text as <c>{content}</c>.
    /// </summary>
    V3 = 0,

    /// <summary>
    /// OpenIM v3.3.0 to v3.8.0: like <see cref="V3"/>, but the admin token comes from <c>/auth/user_token</c>
    /// (<c>{secret, platformID: 10, userID}</c>), which v3.8.1 removed.
    /// </summary>
    V3UserToken = 1,

    /// <summary>
    /// Legacy OpenIM v2.0.6 to v2.0.8 (port 10000): <c>/manager/send_msg</c> with <c>operationID</c> in the body,
    /// token from <c>/auth/user_token</c> (<c>{secret, platform: 8, userID, operationID}</c>), text as <c>{text}</c>,
    /// groups as sessionType 2, revoke through contentType 111, no batch route.
    /// </summary>
    V2 = 2,
}
