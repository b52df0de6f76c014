namespace Gateway.Sandbox.OpenIm;

/// <summary>Which OpenIM server an <see cref="OpenImEmulator"/> behaves like.</summary>
public enum OpenImServerGeneration
{
    /// <summary>
    /// v3.8.1 and later: <c>/auth/get_admin_token</c>, <c>/msg/send_msg</c>, <c>/msg/batch_send_msg</c>. Admin tokens
    /// are stateless unless <see cref="OpenImEmulatorOptions.EvictOlderAdminTokens"/> turns on main's eviction.
    /// </summary>
    V3 = 0,

    /// <summary>v3.3 to v3.8.0: like <see cref="V3"/>, but the token comes from <c>/auth/user_token</c> (stored server-side).</summary>
    V3UserToken = 1,

    /// <summary>v2.0.8: <c>/auth/user_token</c> and <c>/manager/send_msg</c>, errors as HTTP 400/500 with v2 codes.</summary>
    V2 = 2,
}
