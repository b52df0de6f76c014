using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Gateway.Reliability.Bus;

/// <summary>
/// Publishes the plan to <c>send-message</c> (default exchange, application/json, persistent, mandatory) at a steady pace,
/// one command at a time with publisher confirms. A command is retried (new connection, same bytes) until the broker
/// confirmed it, across broker restarts, bounded in tries and time.
/// </summary>
internal sealed class CommandPublisher(int port, string virtualHost, TimeProvider time, ScenarioLog log)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);

    /// <summary>Gets the commands that needed more than one publish: if an unconfirmed try did reach the queue, the queue holds it twice.</summary>
    public int Republished { get; private set; }

    public int Confirmed { get; private set; }

    public async Task PublishAsync(IReadOnlyList<PlannedMessage> plan, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        IConnection? connection = null;
        IChannel? channel = null;
        try
        {
            for (var i = 0; i < plan.Count; i++)
            {
                var due = duration * i / plan.Count;
                var elapsed = time.GetElapsedTime(started);
                if (due > elapsed)
                {
                    await Task.Delay(due - elapsed, time, cancellationToken);
                }

                var message = plan[i];
                var properties = new BasicProperties
                {
                    ContentType = "application/json",
                    DeliveryMode = DeliveryModes.Persistent,
                    MessageId = message.MessageId,
                };
                var firstTry = time.GetTimestamp();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        if (channel is not { IsOpen: true })
                        {
                            await CloseAsync(channel, connection);
                            connection = await BrokerConnections.Factory(port, virtualHost, "reliability-publisher").CreateConnectionAsync(cancellationToken);
                            channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
                        }

                        using var confirmTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        confirmTimeout.CancelAfter(TimeSpan.FromSeconds(15));
                        await channel.BasicPublishAsync(string.Empty, Queues.SendMessage, mandatory: true, properties, message.Body, confirmTimeout.Token);
                        Confirmed++;
                        if (attempt > 1)
                        {
                            Republished++;
                        }

                        break;
                    }
                    catch (Exception exception) when (BrokerConnections.IsConnectionFault(exception, cancellationToken))
                    {
                        if (time.GetElapsedTime(firstTry) > GiveUpAfter)
                        {
                            throw new TimeoutException($"could not publish {message.MessageId} within {GiveUpAfter.TotalMinutes:0} min", exception);
                        }

                        if (attempt == 1 || attempt % 20 == 0)
                        {
                            log.Write($"publish of {message.MessageId} failed (try {attempt}): {Describe(exception)}; retrying");
                        }

                        await CloseAsync(channel, connection);
                        channel = null;
                        connection = null;
                        await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
                    }
                }
            }
        }
        finally
        {
            await CloseAsync(channel, connection);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        PublishReturnException returned => $"returned {returned.ReplyCode} {returned.ReplyText}",
        PublishException nacked => "nacked by the broker" + (nacked.IsReturn ? " (returned)" : string.Empty),
        _ => exception.GetType().Name + ": " + exception.Message.Split('\n')[0],
    };

    private static async Task CloseAsync(IChannel? channel, IConnection? connection)
    {
        try
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
        }

        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
        }
    }
}
