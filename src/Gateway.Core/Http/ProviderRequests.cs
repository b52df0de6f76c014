using System.Collections.Concurrent;

namespace Gateway.Core.Http;

/// <summary>
/// What a provider's typed client tells its handlers about a request. Every request names the provider instance it is
/// for: the resilience handler selects that instance's pipeline by it (so its circuit breaker and limiter outlive handler
/// rotation), and the auth handler picks the instance's credentials by it.
/// </summary>
public static class ProviderRequests
{
    /// <summary>Separates an instance from the name of a side pipeline in a pipeline key (<c>openim/auth</c>).</summary>
    public const char PipelineSeparator = '/';

    // One option entry per request, from a cache: the request's option dictionary then stays within its first size
    // (with the adapter's own entry and the resilience handler's), and naming an instance allocates nothing.
    private static readonly HttpRequestOptionsKey<Route> RouteKey = new("MessagingGateway.ProviderRoute");
    private static readonly ConcurrentDictionary<(string Instance, string? Pipeline), Route> Routes = new();

    /// <summary>Names the provider instance a request is for.</summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceName">The instance name.</param>
    public static void SetProviderInstance(this HttpRequestMessage request, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        request.Options.Set(RouteKey, RouteOf(instanceName, null));
    }

    /// <summary>
    /// Names the provider instance a request is for, and a side pipeline of that instance it goes through instead of
    /// the instance's own (for example <c>auth</c> for credential requests, so that fetching a token is not the trial call
    /// of a half-open circuit and never counts against the send path's breaker).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <param name="pipeline">The side pipeline's name.</param>
    public static void SetProviderInstance(this HttpRequestMessage request, string instanceName, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        ArgumentException.ThrowIfNullOrEmpty(pipeline);
        request.Options.Set(RouteKey, RouteOf(instanceName, pipeline));
    }

    /// <summary>Splits a pipeline key (<c>ResilienceHandlerContext.InstanceName</c>) into the instance and the side pipeline, if any.</summary>
    /// <param name="pipelineKey">The key.</param>
    /// <returns>The instance name, and the side pipeline's name or <see langword="null"/> for the instance's own pipeline.</returns>
    public static (string Instance, string? Pipeline) ParsePipelineKey(string pipelineKey)
    {
        ArgumentNullException.ThrowIfNull(pipelineKey);
        var separator = pipelineKey.LastIndexOf(PipelineSeparator);
        return separator < 0 ? (pipelineKey, null) : (pipelineKey[..separator], pipelineKey[(separator + 1)..]);
    }

    /// <summary>Gets the provider instance a request is for, or an empty string for a request that names none.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The instance name, or an empty string.</returns>
    public static string ProviderInstanceOrEmpty(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(RouteKey, out var route) ? route.Instance : string.Empty;
    }

    /// <summary>Gets the key of the pipeline a request goes through, or an empty string for a request that names none.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The key.</returns>
    public static string PipelineKeyOrEmpty(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(RouteKey, out var route) ? route.PipelineKey : string.Empty;
    }

    /// <summary>Gets the provider instance a request is for.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The instance name.</returns>
    /// <exception cref="InvalidOperationException">The request was not made by a provider client.</exception>
    public static string GetProviderInstance(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(RouteKey, out var route)
            ? route.Instance
            : throw new InvalidOperationException("The request does not name its provider instance; send it through the provider's typed client.");
    }

    private static Route RouteOf(string instance, string? pipeline) =>
        Routes.GetOrAdd((instance, pipeline), static key => new Route(key.Instance, key.Pipeline is null ? key.Instance : key.Instance + PipelineSeparator + key.Pipeline));

    /// <summary>The instance a request is for and the key of the pipeline it goes through.</summary>
    private sealed record Route(string Instance, string PipelineKey);
}
