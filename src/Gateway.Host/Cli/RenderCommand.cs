using System.Collections.Concurrent;
using System.CommandLine;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Routing;
using Gateway.Host.Hosting;
using Gateway.Host.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Cli;

/// <summary>
/// <c>render</c>: prints the HTTP requests sending a command would make (auth-token requests excluded), in order,
/// without sending anything to a provider: the adapters run their real code against in-process emulators of the
/// configured instances, which validate like the real servers.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var file = new Option<FileInfo>("--file") { Description = "The SendMessage command, as JSON.", Required = true };
        var provider = new Option<string?>("--provider") { Description = "The provider instance to render for (default: the command's provider, else the default one)." };
        var showSecrets = new Option<bool>("--show-secrets") { Description = "Print the OpenIM token header and the Tencent usersig instead of ***." };
        var command = new Command("render", "Print the exact HTTP requests a SendMessage would produce for a provider, as JSON; nothing is sent.")
        {
            file,
            provider,
            showSecrets,
        };
        command.SetAction((result, cancellationToken) => RenderAsync(
            result.GetValue(file)!,
            result.GetValue(provider),
            result.GetValue(showSecrets),
            result.GetValue(config),
            cancellationToken));
        return command;
    }

    private static async Task<int> RenderAsync(FileInfo file, string? providerName, bool showSecrets, FileInfo? config, CancellationToken cancellationToken)
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

        if (providerName is not null)
        {
            message = message with { Provider = providerName };
        }

        var captured = new ConcurrentQueue<CapturedRequest>();
        try
        {
            var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName, LogsToStandardError = true });
            builder.Services.AddSingleton<RenderEmulators>();
            builder.Services.ConfigureHttpClientDefaults(client =>
                client.ConfigurePrimaryHttpMessageHandler(sp => new RenderTransport(sp.GetRequiredService<RenderEmulators>(), captured)));
            using var host = builder.Build();
            GatewayHost.Validate(host);
            var registry = host.Services.GetRequiredService<ProviderRegistry>();
            await using var emulators = host.Services.GetRequiredService<RenderEmulators>();
            foreach (var instance in registry.Providers)
            {
                await emulators.StartAsync(instance.Name, instance.ProviderType, cancellationToken);
            }

            await host.StartAsync(cancellationToken);
            var outcome = await host.Services.GetRequiredService<IMessageGateway>().SendAsync(message, cancellationToken);
            await host.StopAsync(CancellationToken.None);
            if (!outcome.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"{outcome.Failed.Error.Code}: the command would not be sent");
                foreach (var line in outcome.Failed.Error.Details?.Select(d => $"{d.Field}: {d.Message} [{d.Rule}]") ?? [outcome.Failed.Error.Message])
                {
                    await Console.Error.WriteLineAsync($"  - {line}");
                }

                return outcome.Failed.Error.Code == GatewayErrorCode.InvalidMessage ? GatewayCommandLine.InvalidInput : 1;
            }

            registry.TryFind(outcome.Sent.Provider, out var provider, out _);
            ConsoleOutput.WriteJson(RenderedRequests.ToJson(provider!.Name, provider.ProviderType, captured, showSecrets));
            return 0;
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
}
