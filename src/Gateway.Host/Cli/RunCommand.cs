using System.CommandLine;
using Gateway.Host.Hosting;
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
            host = GatewayHost.CreateBuilder(new GatewayHostSettings { ConfigFile = config?.FullName, WithDiagnosticsListener = true }).Build();
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
            catch (OptionsValidationException exception)
            {
                return ConsoleOutput.ConfigurationError(exception);
            }
        }
    }
}
