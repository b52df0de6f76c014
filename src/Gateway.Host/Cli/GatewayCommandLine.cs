using System.CommandLine;

namespace Gateway.Host.Cli;

/// <summary>The command line: no verb (or <c>run</c>) runs the worker; <c>demo</c>, <c>send</c>, <c>render</c> and <c>requeue</c> are tools.</summary>
internal static class GatewayCommandLine
{
    /// <summary>Exit code for a command that failed validation (render) or could not be read.</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code for configuration that failed startup validation.</summary>
    public const int BadConfiguration = 3;

    public static RootCommand Create()
    {
        var config = new Option<FileInfo?>("--config")
        {
            Description = "An extra appsettings-style JSON file layered over appsettings.json (environment variables still win).",
            Recursive = true,
        };
        var root = new RootCommand("MessagingGateway: one provider-neutral SendMessage command in front of OpenIM and Tencent Cloud IM.");
        root.Options.Add(config);
        root.SetAction((result, cancellationToken) => RunCommand.RunAsync(result.GetValue(config), cancellationToken));
        root.Subcommands.Add(RunCommand.Create(config));
        root.Subcommands.Add(SendCommand.Create(config));
        root.Subcommands.Add(RenderCommand.Create(config));
        root.Subcommands.Add(RequeueCommand.Create(config));
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
