namespace Gateway.Sandbox.OpenIm;

/// <summary>The OpenIM routes the emulator serves (paths as they appear in <see cref="Hosting.RecordedRequest.Path"/>).</summary>
public static class OpenImRoutes
{
    /// <summary>v3.8.1+ admin token.</summary>
    public const string GetAdminToken = "/auth/get_admin_token";

    /// <summary>v3.0–v3.8.0 and v2 token.</summary>
    public const string UserToken = "/auth/user_token";

    /// <summary>v3 send.</summary>
    public const string SendMsg = "/msg/send_msg";

    /// <summary>v3 batch send.</summary>
    public const string BatchSendMsg = "/msg/batch_send_msg";

    /// <summary>v2.0.6–v2.0.8 send.</summary>
    public const string ManagerSendMsg = "/manager/send_msg";
}
