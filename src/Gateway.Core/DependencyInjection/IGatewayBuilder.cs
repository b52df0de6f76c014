namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The result of <c>AddMessagingGateway</c>; provider adapters attach to it (<c>.AddOpenIm()</c>, <c>.AddTencentIm()</c>).</summary>
public interface IGatewayBuilder
{
    /// <summary>Gets the service collection the gateway is registered in.</summary>
    IServiceCollection Services { get; }
}
