namespace Gateway.Core.Http;

/// <summary>The name a provider's typed client is registered under: its full type name.</summary>
internal static class ProviderHttpClientNames
{
    public static string For(Type client) => client.FullName!;
}
