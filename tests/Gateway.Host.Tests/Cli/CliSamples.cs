using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;

namespace Gateway.Host.Tests.Cli;

/// <summary>Configuration files and commands the CLI tests hand to the binary.</summary>
internal static class CliSamples
{
    public const string SampleSecretKey = TencentImEmulatorOptions.SampleSecretKey;

    public const string TextCommand = """
        { "messageId": "order-1001-shipped", "to": ["user-42"], "content": { "type": "text", "text": { "text": "Your order 1001 has shipped." } } }
        """;

    /// <summary>Both providers, pointed at hosts that do not exist: <c>render</c> never reaches them.</summary>
    public static readonly string RenderConfig = $$"""
        {
          "Gateway": {
            "DefaultProvider": "openim",
            "Providers": {
              "openim": { "Type": "OpenIm", "BaseUrl": "http://openim.test:10002", "AdminUserId": "imAdmin", "Secret": "render-secret", "ApiVersion": "V3" },
              "tencent": { "Type": "TencentIm", "SdkAppId": 1400000000, "AdminIdentifier": "administrator", "SecretKey": "{{SampleSecretKey}}", "Region": "Singapore" }
            }
          }
        }
        """;

    /// <summary>One OpenIM instance on the emulator (the first run with one provider: no Tencent instance in the way).</summary>
    public static string OpenImOnly(OpenImEmulator emulator, string transport) => $$"""
        {
          "Messaging": { "Transport": "{{transport}}" },
          "Gateway": {
            "Providers": {
              "openim": { "Type": "OpenIm", "BaseUrl": "{{emulator.BaseAddress}}", "AdminUserId": "imAdmin", "Secret": "{{emulator.Secret}}" }
            }
          }
        }
        """;
}
