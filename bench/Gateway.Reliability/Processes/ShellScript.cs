using System.Diagnostics;
using System.Text;

namespace Gateway.Reliability.Processes;

/// <summary>Runs one of the repository's <c>eng/*.sh</c> scripts to completion, bounded in time.</summary>
internal static class ShellScript
{
    public static async Task<string> RunAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + script);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(script)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(Path.GetFileName(script)).Append(' ').AppendJoin(' ', arguments)
                .Append(" exited ").Append(process.ExitCode).Append(": ").Append(errors.Trim());
            throw new InvalidOperationException(message.ToString());
        }

        return output.Trim();
    }
}
