using System.Security.Authentication;
using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Serialization;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Registers the bus: the transport from configuration, optionally the two command consumers, startup-validated options.</summary>
internal static class MessagingServiceCollectionExtensions
{
    /// <summary>Registers the bus.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (sections <c>Messaging</c> and <c>RabbitMq</c>).</param>
    /// <param name="consumeCommands">Whether this process consumes <c>send-message</c> and <c>revoke-message</c> (the worker) or only publishes (<c>send</c> on RabbitMQ).</param>
    /// <param name="configureBus">Extra registrations (the demo's and tests' outcome collectors).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddGatewayBus(
        this IServiceCollection services,
        IConfiguration configuration,
        bool consumeCommands,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        // The transport decides which bus is registered, so it is read now; an invalid value fails here, naming the key.
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddGatewayCommandHandling(configuration, messaging.Transport);
        if (consumeCommands && messaging.Transport == TransportKind.RabbitMq)
        {
            // Before the bus's hosted service, so the delay queues exist when the first command fails.
            services.AddHostedService<RedeliveryTopology>();
        }

        services.AddMassTransit(bus =>
        {
            if (consumeCommands)
            {
                bus.AddGatewayConsumers();
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

    /// <summary>
    /// Registers what the command consumers need besides the bus: options and their validators, the two command
    /// handlers, the outcome publisher, the provider health tracker and the redelivery queue of the transport.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="transport">The transport in use.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddGatewayCommandHandling(this IServiceCollection services, IConfiguration configuration, TransportKind transport)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>());
        services.TryAddSingleton<ProviderHealthTracker>();
        services.TryAddSingleton<OutcomePublisher>();
        services.TryAddSingleton<JsonEventPublisher>();
        services.TryAddSingleton<IGatewayCommandHandler<SendMessage>, SendMessageHandler>();
        services.TryAddSingleton<IGatewayCommandHandler<RevokeMessage>, RevokeMessageHandler>();
        if (transport == TransportKind.InMemory)
        {
            services.TryAddSingleton<IRedeliveryQueue, InMemoryRedeliveryQueue>();
        }
        else
        {
            services.TryAddSingleton<IRedeliveryQueue, RabbitMqRedeliveryQueue>();
        }

        return services;
    }

    /// <summary>Adds the two command consumers (<c>send-message</c>, <c>revoke-message</c>) with their endpoint definition.</summary>
    /// <param name="bus">The bus registration.</param>
    /// <returns>The bus registration.</returns>
    public static IBusRegistrationConfigurator AddGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GatewayCommandConsumer<SendMessage>, GatewayCommandDefinition<SendMessage>>();
        bus.AddConsumer<GatewayCommandConsumer<RevokeMessage>, GatewayCommandDefinition<RevokeMessage>>();
        return bus;
    }

    // MassTransit keeps one static options object: copy it, so that configuring twice (tests) never touches a frozen one.
    private static JsonSerializerOptions ForContracts(JsonSerializerOptions options)
    {
        var copy = new JsonSerializerOptions(options);
        GatewayJson.Configure(copy);
        return copy;
    }
}
