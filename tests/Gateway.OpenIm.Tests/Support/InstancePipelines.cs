using Gateway.Core.Http;
using Gateway.OpenIm.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Registry;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>
/// Reads an instance's resilience pipeline from the registry the resilience handler uses. Microsoft.Extensions.Http.Resilience
/// registers its pipelines in a public <see cref="ResiliencePipelineProvider{TKey}"/> whose key, <c>HttpKey</c>
/// (pipeline name, instance name), is internal; so the key is made by reflection. The pipeline name is the client's
/// name, a dash, and the name passed to <c>AddResilienceHandler</c>.
/// </summary>
internal static class InstancePipelines
{
    private const string HttpKeyTypeName = "Microsoft.Extensions.Http.Resilience.Internal.HttpKey";

    public static ResiliencePipeline<HttpResponseMessage> Get(IServiceProvider services, string instance)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keyType = typeof(HttpRetryStrategyOptions).Assembly.GetType(HttpKeyTypeName, throwOnError: true)!;
        var providerType = typeof(ResiliencePipelineProvider<>).MakeGenericType(keyType);
        var provider = services.GetRequiredService(providerType);
        var pipelineName = services.GetRequiredService<ProviderClients<OpenImClient>>().HttpClientName + "-openim";
        var key = Activator.CreateInstance(keyType, pipelineName, instance)!;
        var getPipeline = providerType.GetMethods()
            .Single(m => m is { Name: nameof(ResiliencePipelineProvider<string>.GetPipeline), IsGenericMethodDefinition: true } && m.GetParameters().Length == 1)
            .MakeGenericMethod(typeof(HttpResponseMessage));
        return (ResiliencePipeline<HttpResponseMessage>)getPipeline.Invoke(provider, [key])!;
    }
}
