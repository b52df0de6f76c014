namespace Gateway.OpenIm.Http;

/// <summary>The OpenIM routes, relative to <see cref="OpenImOptions.BaseUrl"/> (so a proxy path prefix is kept).</summary>
internal static class OpenImPaths
{
    /// <summary>v3.8.1+ admin token.</summary>
    public const string GetAdminToken = "auth/get_admin_token";

    /// <summary>v3.0–v3.8.0 and v2 token.</summary>
    public const string UserToken = "auth/user_token";

    /// <summary>v3 send.</summary>
    public const string SendMsg = "msg/send_msg";

    /// <summary>v3 batch send.</summary>
    public const string BatchSendMsg = "msg/batch_send_msg";

    /// <summary>v2.0.6–v2.0.8 send.</summary>
    public const string ManagerSendMsg = "manager/send_msg";

    /// <summary>Gets the token route of a generation.</summary>
    /// <param name="version">The generation.</param>
    /// <returns>The path.</returns>
    public static string Token(OpenImApiVersion version) => version == OpenImApiVersion.V3 ? GetAdminToken : UserToken;

    /// <summary>Gets the single-send route of a generation.</summary>
    /// <param name="version">The generation.</param>
    /// <returns>The path.</returns>
    public static string Send(OpenImApiVersion version) => version == OpenImApiVersion.V2 ? ManagerSendMsg : SendMsg;
}
