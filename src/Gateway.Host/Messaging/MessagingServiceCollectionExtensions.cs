using System.Security.Authentication;
using System.Text.Json;
using Gateway.Core.Serialization;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Registers the bus: transport from configuration, the two command consumers, startup-validated options.</summary>
internal static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? configureBus = null,
        bool withConsumers = true)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>());
        services.TryAddSingleton<ProviderHealthTracker>();

        // The transport decides which bus is registered, so it is read now; an invalid value fails here, naming the key.
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddMassTransit(bus =>
        {
            if (withConsumers)
            {
                bus.AddConsumer<SendMessageConsumer, SendMessageConsumerDefinition>();
                bus.AddConsumer<RevokeMessageConsumer, RevokeMessageConsumerDefinition>();
            }

            configureBus?.Invoke(bus);
            if (messaging.Transport == TransportKind.InMemory)
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(ForContracts);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                    cfg.Host(rabbit.Host, (ushort)rabbit.Port, rabbit.VirtualHost, host =>
                    {
                        host.Username(rabbit.Username);
                        host.Password(rabbit.Password);
                        if (rabbit.UseTls)
                        {
                            host.UseSsl(ssl =>
                            {
                                ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                                ssl.ServerName = rabbit.TlsServerName ?? rabbit.Host;
                            });
                        }
                    });
                    cfg.ConfigureJsonSerializerOptions(ForContracts);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = messaging.StartTimeout;
            host.StopTimeout = messaging.StopTimeout;
            host.ConsumerStopTimeout = messaging.StopTimeout;
        });
        return services;
    }

    // MassTransit keeps one static options object: copy it, so that configuring twice (tests) never touches a frozen one.
    private static JsonSerializerOptions ForContracts(JsonSerializerOptions options)
    {
        var copy = new JsonSerializerOptions(options);
        GatewayJson.Configure(copy);
        return copy;
    }
}
