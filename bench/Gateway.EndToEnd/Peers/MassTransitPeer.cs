using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.EndToEnd.Peers;

/// <summary>
/// The <c>masstransit</c> peer: a minimal MassTransit 8.5 bus on RabbitMQ with one receive endpoint
/// <c>send-message</c> (raw JSON deserializer as default, prefetch and concurrent message limit as configured) and one
/// consumer that makes the OpenIM call. No retry, no outbox, no outcome event.
/// </summary>
internal static class MassTransitPeer
{
    public static async Task<int> RunAsync(PeerSettings settings, CancellationToken cancellationToken)
    {
        using var client = await OpenImPeerClient.ConnectAsync(settings.ProviderUrl, cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Gateway.EndToEnd.MassTransitPeer",
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(client);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<MassTransitSendConsumer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host("127.0.0.1", (ushort)settings.RabbitMqPort, settings.VirtualHost, host =>
                {
                    host.Username("guest");
                    host.Password("guest");
                });
                cfg.ReceiveEndpoint(QueueShape.Name, endpoint =>
                {
                    endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                    endpoint.PrefetchCount = settings.PrefetchCount;
                    endpoint.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                    endpoint.ConfigureConsumer<MassTransitSendConsumer>(context);
                });
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host => host.WaitUntilStarted = true);

        using var app = builder.Build();
        await app.StartAsync(cancellationToken);
        Console.WriteLine("masstransit peer: consuming");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stop.Token);
        return 0;
    }
}
