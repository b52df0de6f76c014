using System.CommandLine;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Gateway.Host.Cli;

/// <summary>
/// <c>requeue</c>: moves commands from an error queue back to their queue once the cause is fixed, optionally only
/// those whose <c>messageId</c> or failure reason matches; <c>--dry-run</c> lists them without moving anything.
/// </summary>
internal static class RequeueCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var queue = new Option<string>("--queue")
        {
            Description = "The command queue whose error queue is drained: send-message (default) or revoke-message.",
            DefaultValueFactory = _ => SendMessageHandler.Queue,
        };
        var messageId = new Option<string?>("--message-id") { Description = "Only this messageId; a trailing * matches a prefix (order-1001-*)." };
        var reason = new Option<string?>("--reason") { Description = "Only commands whose failure reason contains this text (case-insensitive)." };
        var limit = new Option<int>("--limit") { Description = "The most commands moved.", DefaultValueFactory = _ => int.MaxValue };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would move; move nothing." };
        var command = new Command("requeue", "Move commands from send-message_error (or revoke-message_error) back to their queue; prints what moved as JSON.")
        {
            queue,
            messageId,
            reason,
            limit,
            dryRun,
        };
        command.SetAction((result, cancellationToken) => RequeueAsync(
            result.GetValue(queue)!,
            result.GetValue(messageId),
            result.GetValue(reason),
            result.GetValue(limit),
            result.GetValue(dryRun),
            result.GetValue(config),
            cancellationToken));
        return command;
    }

    /// <summary>Whether a command matches the filters.</summary>
    internal static bool Matches(string? messageIdFilter, string? reasonFilter, string messageId, string? reason) =>
        (messageIdFilter is null
            || (messageIdFilter.EndsWith('*') ? messageId.StartsWith(messageIdFilter[..^1], StringComparison.Ordinal) : messageId == messageIdFilter))
        && (reasonFilter is null || reason?.Contains(reasonFilter, StringComparison.OrdinalIgnoreCase) == true);

    private static async Task<int> RequeueAsync(string queue, string? messageId, string? reason, int limit, bool dryRun, FileInfo? config, CancellationToken cancellationToken)
    {
        if (queue is not (SendMessageHandler.Queue or RevokeMessageHandler.Queue))
        {
            await Console.Error.WriteLineAsync($"--queue must be {SendMessageHandler.Queue} or {RevokeMessageHandler.Queue}");
            return GatewayCommandLine.InvalidInput;
        }

        RabbitMqOptions rabbit;
        try
        {
            var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName, LogsToStandardError = true });
            builder.Services.AddOptions<RabbitMqOptions>().Bind(builder.Configuration.GetSection(RabbitMqOptions.SectionName)).ValidateOnStart();
            builder.Services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
            using var host = builder.Build();
            rabbit = host.Services.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            return ConsoleOutput.ConfigurationError(exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException)
        {
            return ConsoleOutput.ConfigurationError(exception.Message);
        }

        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(TimeSpan.FromSeconds(30));
        await using var connection = await RabbitMqConnections.CreateAsync(rabbit, "messaging-gateway-requeue", connecting.Token);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var entries = await new ErrorQueueRequeue(channel).RunAsync(queue, (id, why) => Matches(messageId, reason, id, why), limit, dryRun, cancellationToken);
        ConsoleOutput.WriteJson(new
        {
            queue,
            errorQueue = queue + "_error",
            dryRun,
            moved = entries.Count(e => e.Moved),
            kept = entries.Count(e => !e.Moved),
            commands = entries,
        });
        return 0;
    }
}
