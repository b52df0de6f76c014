using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Core.Tests;

/// <summary>A provider factory for tests: creates NSubstitute providers with the given capabilities.</summary>
internal sealed class FakeProviderFactory(string providerType = "Fake") : IMessageProviderFactory
{
    public static ProviderCapabilities AllCapabilities { get; } = new()
    {
        ContentTypes = Enum.GetValues<ContentType>().ToHashSet(),
        RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
        MaxRecipientsPerCall = 100,
        SupportedFields = (OptionalFields)(-1),
        Revoke = RecipientKinds.Users | RecipientKinds.Group,
    };

    public Dictionary<string, IMessageProvider> Created { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ProviderCapabilities Capabilities { get; set; } = AllCapabilities;

    public List<string> ValidationErrors { get; } = [];

    public List<ProviderInstanceSettings> Validated { get; } = [];

    public string ProviderType => providerType;

    public IReadOnlyList<string> Validate(ProviderInstanceSettings instance)
    {
        Validated.Add(instance);
        return ValidationErrors;
    }

    public IMessageProvider Create(ProviderInstanceSettings instance)
    {
        var provider = Substitute.For<IMessageProvider>();
        provider.Name.Returns(instance.Name);
        provider.ProviderType.Returns(providerType);
        provider.Capabilities.Returns(_ => Capabilities);
        provider.SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>())
            .Returns(call => Delivered(call.Arg<SendMessage>()));
        Created[instance.Name] = provider;
        return provider;
    }

    public static ProviderSendResult Delivered(SendMessage message) => new()
    {
        Deliveries = [.. (message.To ?? [message.GroupId!]).Select(r => new MessageDelivery
        {
            Recipient = r,
            ProviderMessageKey = "key-" + r,
            SentAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        })],
    };
}

/// <summary>Builds gateways over fake providers.</summary>
internal static class TestGateway
{
    public static (IMessageGateway Gateway, FakeProviderFactory Factory, ServiceProvider Services) Create(
        Action<GatewayOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        params string[] instances)
    {
        var factory = new FakeProviderFactory();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IMessageProviderFactory>(factory);
        var builder = collection.AddMessagingGateway(options =>
        {
            foreach (var name in instances.Length == 0 ? ["primary"] : instances)
            {
                options.Providers[name] = new Gateway.Core.Routing.ProviderInstanceOptions { Type = "Fake" };
            }

            options.DefaultProvider = instances.Length == 0 ? "primary" : instances[0];
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        var provider = collection.BuildServiceProvider(validateScopes: true);
        return (provider.GetRequiredService<IMessageGateway>(), factory, provider);
    }
}
