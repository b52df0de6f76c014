namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The provider adapters the host ships with.</summary>
internal static class GatewayProviders
{
    public static IGatewayBuilder AddGatewayProviders(this IGatewayBuilder builder) => builder.AddOpenIm().AddTencentIm();
}
