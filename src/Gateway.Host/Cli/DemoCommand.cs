using System.CommandLine;
using Gateway.Host.Demo;

namespace Gateway.Host.Cli;

/// <summary><c>demo</c>: the main job on the embedded default, offline (see <see cref="DemoRunner"/>).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the whole pipeline offline: an in-memory bus, OpenIM v3 and Tencent providers on the built-in emulators, sample commands of every kind; prints the outcomes and what each emulator received. Exits 0 only if every outcome is the expected one.");
        command.SetAction((_, cancellationToken) => new DemoRunner(Console.Out).RunAsync(cancellationToken));
        return command;
    }
}
