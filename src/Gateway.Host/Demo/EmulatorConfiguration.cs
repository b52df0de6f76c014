using System.Globalization;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;

namespace Gateway.Host.Demo;

/// <summary>Provider instances <c>openim</c> (OpenIM v3) and <c>tencent</c> pointed at running emulators, as configuration.</summary>
internal static class EmulatorConfiguration
{
    public static Dictionary<string, string?> For(OpenImEmulator openIm, TencentImEmulator tencent, string defaultProvider) => new()
    {
        ["Gateway:DefaultProvider"] = defaultProvider,
        [$"Gateway:Providers:{DemoScenario.OpenIm}:Type"] = "OpenIm",
        [$"Gateway:Providers:{DemoScenario.OpenIm}:BaseUrl"] = openIm.BaseAddress.ToString(),
        [$"Gateway:Providers:{DemoScenario.OpenIm}:ApiVersion"] = "V3",
        [$"Gateway:Providers:{DemoScenario.OpenIm}:AdminUserId"] = openIm.AdminUserIds[0],
        [$"Gateway:Providers:{DemoScenario.OpenIm}:Secret"] = openIm.Secret,
        [$"Gateway:Providers:{DemoScenario.Tencent}:Type"] = "TencentIm",
        [$"Gateway:Providers:{DemoScenario.Tencent}:BaseUrl"] = tencent.BaseAddress.ToString(),
        [$"Gateway:Providers:{DemoScenario.Tencent}:SdkAppId"] = tencent.Options.SdkAppId.ToString(CultureInfo.InvariantCulture),
        [$"Gateway:Providers:{DemoScenario.Tencent}:AdminIdentifier"] = tencent.Options.AdminIdentifiers.First(),
        [$"Gateway:Providers:{DemoScenario.Tencent}:SecretKey"] = tencent.Options.SecretKey,
    };
}
