using System.CommandLine;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Cli;

/// <summary>
/// <c>send</c>: publishes one command to the bus and waits for its outcome event, or with <c>--direct</c> sends it
/// through the library without a bus. Prints the outcome as JSON; exits 0 on <c>MessageSent</c>, 1 otherwise.
/// </summary>
internal static class SendCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var file = new Option<FileInfo>("--file") { Description = "The SendMessage command, as JSON.", Required = true };
        var direct = new Option<bool>("--direct") { Description = "Send through the library in this process, without the bus." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for the outcome event (bus mode).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
        };
        var command = new Command("send", "Publish one SendMessage to the bus and wait for its outcome (or send it directly with --direct); prints the outcome as JSON.")
        {
            file,
            direct,
            timeout,
        };
        command.SetAction((result, cancellationToken) => SendAsync(
            result.GetValue(file)!,
            result.GetValue(direct),
            result.GetValue(timeout),
            result.GetValue(config),
            cancellationToken));
        return command;
    }

    private static async Task<int> SendAsync(FileInfo file, bool direct, TimeSpan timeout, FileInfo? config, CancellationToken cancellationToken)
    {
        SendMessage message;
        try
        {
            message = CommandFiles.Read<SendMessage>(file);
        }
        catch (CommandFileException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return GatewayCommandLine.InvalidInput;
        }

        try
        {
            return direct
                ? await SendDirectAsync(message, config, cancellationToken)
                : await SendThroughBusAsync(message, timeout, config, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            return ConsoleOutput.ConfigurationError(exception);
        }
        catch (FileNotFoundException exception)
        {
            return ConsoleOutput.ConfigurationError(exception.Message);
        }
    }

    private static async Task<int> SendDirectAsync(SendMessage message, FileInfo? config, CancellationToken cancellationToken)
    {
        using var host = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName, LogsToStandardError = true }).Build();
        GatewayHost.Validate(host);
        await host.StartAsync(cancellationToken);
        try
        {
            var outcome = await host.Services.GetRequiredService<IMessageGateway>().SendAsync(message, cancellationToken);
            return Print(outcome.IsSuccess ? outcome.Sent : outcome.Failed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> SendThroughBusAsync(SendMessage message, TimeSpan timeout, FileInfo? config, CancellationToken cancellationToken)
    {
        // On RabbitMQ the worker processes consume the queue and this process only publishes and listens;
        // an in-memory bus exists only in this process, so it consumes too.
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName, LogsToStandardError = true });
        var transport = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.Transport ?? TransportKind.RabbitMq;
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: transport == TransportKind.InMemory);
        using var host = builder.Build();
        GatewayHost.Validate(host);
        await host.StartAsync(cancellationToken);
        try
        {
            var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            var connector = host.Services.GetRequiredService<IReceiveEndpointConnector>();
            var listener = connector.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), DefaultEndpointNameFormatter.Instance, (_, endpoint) =>
            {
                // The outcome comes in MassTransit's envelope, or as plain JSON with Messaging:Events:Format = Json.
                endpoint.UseRawJsonDeserializer();
                endpoint.Handler<MessageSent>(context => Match(context.Message.MessageId, context.Message));
                endpoint.Handler<MessageSendFailed>(context => Match(context.Message.MessageId, context.Message));
            });
            await listener.Ready.WaitAsync(cancellationToken);

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                // To the queue's exchange, which the worker binds to the queue: a queue: address would declare
                // send-message again, as a classic queue, and the broker refuses that for the worker's quorum queue.
                var bus = host.Services.GetRequiredService<IBus>();
                var queue = await bus.GetSendEndpoint(new Uri($"exchange:{SendMessageHandler.Queue}"));
                await queue.Send(message, deadline.Token);
                return Print(await outcome.Task.WaitAsync(deadline.Token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"No outcome for '{message.MessageId}' within {timeout}; is a worker consuming '{SendMessageHandler.Queue}'?");
                return 1;
            }

            Task Match(string messageId, object result)
            {
                if (messageId == message.MessageId)
                {
                    outcome.TrySetResult(result);
                }

                return Task.CompletedTask;
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int Print(object outcome)
    {
        switch (outcome)
        {
            case MessageSent sent:
                ConsoleOutput.WriteJson(new { @event = nameof(MessageSent), outcome = sent });
                return 0;
            case MessageSendFailed failed:
                ConsoleOutput.WriteJson(new { @event = nameof(MessageSendFailed), outcome = failed });
                return 1;
            default:
                throw new InvalidOperationException($"unexpected outcome {outcome.GetType().Name}");
        }
    }
}
