namespace Gateway.Core.Routing;

/// <summary>A provider type an adapter registered (<c>AddOpenIm()</c>): how to validate and create its instances by name.</summary>
/// <param name="TypeName">The value of <c>Type</c> in configuration, compared case-insensitively.</param>
/// <param name="Validate">Checks the named instance's options; returns one message per problem, each naming its key.</param>
/// <param name="Create">Creates the named instance from options that passed <paramref name="Validate"/>.</param>
internal sealed record ProviderTypeRegistration(
    string TypeName,
    Func<IServiceProvider, ProviderInstance, IReadOnlyList<string>> Validate,
    Func<IServiceProvider, string, Providers.IMessageProvider> Create);
