using System.CommandLine;
using Gateway.Core.Idempotency;
using Gateway.Host.Diagnostics;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Cli;

/// <summary><c>run</c> (also the default): the worker that drains <c>send-message</c> and <c>revoke-message</c>.</summary>
internal static class RunCommand
{
    public static Command Create(Option<FileInfo?> config)
    {
        var command = new Command("run", "Run the worker: consume send-message and revoke-message and publish the outcomes (the default when no verb is given).");
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(config), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(FileInfo? config, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName });
            builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true);
            builder.Services.AddGatewayDiagnosticsListener(builder.Configuration);
            builder.Services.AddGatewayTelemetry(builder.Configuration);
            host = builder.Build();
            GatewayHost.Validate(host);
        }
        catch (OptionsValidationException exception)
        {
            return ConsoleOutput.ConfigurationError(exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException)
        {
            return ConsoleOutput.ConfigurationError(exception.Message);
        }

        using (host)
        {
            try
            {
                await host.RunAsync(cancellationToken);
                return 0;
            }
            catch (StoreUnavailableException exception)
            {
                // A shared store configured but unreachable at start: a configuration problem of the deployment.
                return ConsoleOutput.ConfigurationError(exception.Message);
            }
        }
    }
}
