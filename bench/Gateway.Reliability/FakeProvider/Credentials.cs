namespace Gateway.Reliability.FakeProvider;

/// <summary>The answer of <c>GET /_credentials</c>: what the fake handed out or was shown, which the gateway must never write out.</summary>
internal sealed class Credentials
{
    /// <summary>Gets or sets every OpenIM admin token issued since the last reset.</summary>
    public List<string> AdminTokens { get; set; } = [];

    /// <summary>Gets or sets every Tencent UserSig a request carried since the last reset.</summary>
    public List<string> UserSigs { get; set; } = [];
}
