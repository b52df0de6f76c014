using System.Globalization;
using System.Runtime.InteropServices;
using Gateway.Reliability.Processes;
using Gateway.Reliability.Reporting;
using Gateway.Reliability.Scenarios;

namespace Gateway.Reliability;

/// <summary>
/// The suite: builds the worker once, starts a private RabbitMQ node and the fake provider, runs the selected scenarios
/// one after another, prints the markdown table (also written to artifacts/reliability/results-DATE.md) and exits 1 when
/// a target was missed. Everything it starts is stopped by PID in finally blocks.
/// </summary>
internal static class Suite
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h"])
        {
            Console.WriteLine(SuiteOptions.Usage);
            return 0;
        }

        if (args is ["--list"])
        {
            foreach (var scenario in ScenarioCatalog.All)
            {
                Console.WriteLine($"{scenario.Id,-16} {scenario.Provider,-8} {scenario.Workers}w  {scenario.Description}{(scenario.FullOnly ? " (full only)" : string.Empty)}");
            }

            return 0;
        }

        if (!SuiteOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(SuiteOptions.Usage);
            return 2;
        }

        var time = TimeProvider.System;
        var startedAt = time.GetUtcNow();
        var repository = options.Repository ?? FindRepository();
        var stamp = startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var output = Path.Combine(repository, "artifacts", "reliability");
        var runDirectory = Path.Combine(output, "run-" + stamp);
        Directory.CreateDirectory(runDirectory);
        var log = new ScenarioLog(Path.Combine(runDirectory, "suite.log"), time);

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var cancellationToken = cancellation.Token;

        var hostDll = Path.Combine(repository, "artifacts", "bin", "Gateway.Host", "release", "Gateway.Host.dll");
        if (options.Build)
        {
            log.Write("building src/Gateway.Host (Release)");
            await DotnetAsync(repository, ["build", "-c", "Release", "-nologo", "-v", "q", Path.Combine(repository, "src", "Gateway.Host")], Path.Combine(runDirectory, "build.log"), TimeSpan.FromMinutes(10), cancellationToken);
        }

        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"{hostDll} does not exist: run dotnet build -c Release src/Gateway.Host (or leave out --no-build)");
            return 2;
        }

        var results = new List<ScenarioResult>();
        var broker = new RabbitMqNode(repository, Path.Combine(runDirectory, "rabbitmq"));
        SuiteEnvironment? environment = null;
        FakeProviderProcess? provider = null;
        try
        {
            await broker.StartAsync(cancellationToken);
            log.Write($"RabbitMQ node on 127.0.0.1:{broker.Port}");
            provider = await FakeProviderProcess.StartAsync(Path.Combine(runDirectory, "fake-provider.log"), cancellationToken);
            log.Write($"fake provider on {provider.Address}");
            environment = new SuiteEnvironment(repository, hostDll, runDirectory, broker, provider, options.Messages, options.PublishDuration, log, time, options.Audit);
            var runner = new ScenarioRunner(environment);
            foreach (var scenario in options.Scenarios)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await runner.RunAsync(scenario, cancellationToken);
                results.Add(result);
                log.Write($"== {scenario.Id}: {(result.Passed ? "pass" : "FAIL: " + string.Join("; ", result.Failures))}");
                log.Write($"   published {result.Published}, delivered {result.Delivered}, lost {result.Lost}, duplicated {result.Duplicated}, error queue {result.InErrorQueue}, rejected {result.Rejected}, {result.WallTime.TotalSeconds:0.0} s");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Write("cancelled");
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }

            if (environment?.StartedRedis is { } redis)
            {
                await IgnoreFailureAsync(() => redis.StopAsync(CancellationToken.None), log);
            }

            await IgnoreFailureAsync(() => broker.StopAsync(CancellationToken.None), log);
        }

        var run = new RunInfo
        {
            CommandLine = "dotnet run -c Release --project bench/Gateway.Reliability --" + (args.Length == 0 ? string.Empty : " " + string.Join(' ', args)),
            StartedAt = startedAt,
            Duration = time.GetUtcNow() - startedAt,
            Machine = Machine(),
            Gateway = await GitDescriptionAsync(repository),
            Messages = options.Messages,
            PublishDuration = options.PublishDuration,
        };
        var report = MarkdownReport.Render(results, run);
        var file = Path.Combine(output, $"results-{stamp}.md");
        await File.WriteAllTextAsync(file, report, CancellationToken.None);
        Console.WriteLine(report);
        Console.Error.WriteLine("written to " + file);
        var complete = results.Count == options.Scenarios.Count;
        return complete && results.All(r => r.Passed) ? 0 : 1;
    }

    private static async Task IgnoreFailureAsync(Func<Task> action, ScenarioLog log)
    {
        try
        {
            await action();
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            log.Write("clean-up: " + exception.Message);
        }
    }

    private static string FindRepository()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MessagingGateway.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("MessagingGateway.sln not found above the current directory; pass --repo DIR");
    }

    /// <summary>Runs dotnet with its output in <paramref name="logFile"/> (standard output is the report's).</summary>
    private static async Task DotnetAsync(string workingDirectory, string[] arguments, string logFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output + await errors;
        await File.WriteAllTextAsync(logFile, text, CancellationToken.None);
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(text);
            throw new InvalidOperationException("dotnet " + string.Join(' ', arguments) + " failed with exit code " + process.ExitCode + "; output in " + logFile);
        }
    }

    private static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : [];
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {memory:0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average at the end {string.Join(' ', load)}");
    }

    private static async Task<string> GitDescriptionAsync(string repository)
    {
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["-C", repository, "log", "-1", "--format=%h %s (%cs)"])
            {
                info.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(info);
            if (process is null)
            {
                return "unknown";
            }

            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? "commit " + text.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not found)";
        }
    }
}
