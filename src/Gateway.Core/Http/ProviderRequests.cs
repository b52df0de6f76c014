namespace Gateway.Core.Http;

/// <summary>
/// What a provider's typed client tells its handlers about a request. Every request names the provider instance it is
/// for: the resilience handler selects that instance's pipeline by it (so its circuit breaker and limiter outlive handler
/// rotation), and the auth handler picks the instance's credentials by it.
/// </summary>
public static class ProviderRequests
{
    private static readonly HttpRequestOptionsKey<string> InstanceKey = new("MessagingGateway.ProviderInstance");

    /// <summary>Names the provider instance a request is for.</summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceName">The instance name.</param>
    public static void SetProviderInstance(this HttpRequestMessage request, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceName);
        request.Options.Set(InstanceKey, instanceName);
    }

    /// <summary>Gets the provider instance a request is for, or an empty string for a request that names none (the resilience library probes its selector with such a request at set-up).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The instance name, or an empty string.</returns>
    public static string ProviderInstanceOrEmpty(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(InstanceKey, out var name) ? name : string.Empty;
    }

    /// <summary>Gets the provider instance a request is for.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The instance name.</returns>
    /// <exception cref="InvalidOperationException">The request was not made by a provider client.</exception>
    public static string GetProviderInstance(this HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(InstanceKey, out var name)
            ? name
            : throw new InvalidOperationException("The request does not name its provider instance; send it through the provider's typed client.");
    }
}
