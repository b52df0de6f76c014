using System.Globalization;
using Gateway.Host.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Gateway.Host.Messaging;

/// <summary>
/// Declares the delay queues of redelivery at startup, before the bus starts consuming: per command queue and schedule
/// step, a fanout exchange and a durable queue <c>{queue}_delay_{seconds}s</c> whose messages expire after the step's
/// delay and are dead-lettered to the command queue (default exchange, routing key = the queue). With quorum queues the
/// dead-lettering is at-least-once, so a broker crash cannot drop a command on its way back.
/// </summary>
internal sealed class RedeliveryTopology(
    IOptions<MessagingOptions> messaging,
    IOptions<RabbitMqOptions> rabbit,
    ILogger<RedeliveryTopology> logger) : IHostedService
{
    public static string DelayQueue(string queue, TimeSpan delay) =>
        string.Create(CultureInfo.InvariantCulture, $"{queue}_delay_{(long)delay.TotalSeconds}s");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = rabbit.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(messaging.Value.StartTimeout);
        await using var connection = await RabbitMqConnections.CreateAsync(options, "messaging-gateway-topology", timeout.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);
        foreach (var queue in new[] { SendMessageHandler.Queue, RevokeMessageHandler.Queue })
        {
            foreach (var delay in messaging.Value.Redelivery.Schedule.Select(s => s.Delay).Distinct())
            {
                var name = DelayQueue(queue, delay);
                var arguments = new Dictionary<string, object?>
                {
                    ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                    ["x-dead-letter-exchange"] = string.Empty,
                    ["x-dead-letter-routing-key"] = queue,
                };
                if (options.QuorumQueues)
                {
                    arguments["x-queue-type"] = "quorum";
                    arguments["x-dead-letter-strategy"] = "at-least-once";
                    arguments["x-overflow"] = "reject-publish";
                }

                await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: timeout.Token);
                await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: timeout.Token);
                await channel.QueueBindAsync(name, name, string.Empty, cancellationToken: timeout.Token);
            }
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.RedeliveryQueuesDeclared(string.Join(", ", messaging.Value.Redelivery.Schedule.Select(s => s.Delay)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
