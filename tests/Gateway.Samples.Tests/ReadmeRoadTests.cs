using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Samples.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Xunit.Abstractions;

namespace Gateway.Samples.Tests;

/// <summary>
/// The README's "From zero to a running worker", block by block, as a user pastes it into bash from the repository's
/// root. What is substituted, and nothing else: the broker of step 1 is this run's private RabbitMQ node (the worker
/// gets <c>RabbitMq__Host</c>/<c>Port</c>/<c>VirtualHost</c>, the samples <c>AMQP_URL</c>, as the README says for an
/// existing broker), and the OpenIM emulator answers on <c>localhost:10002</c>, where samples/config/openim.json points.
/// Each block runs in a fresh <c>bash</c> with <c>set -euo pipefail</c>; when running as root without sudo, <c>sudo</c> is
/// a shell function that runs its command; <c>python3</c> is one that imports pika (Debian's, if a pyenv or venv
/// <c>python3</c> comes first on PATH).
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed partial class ReadmeRoadTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    private const string Prelude = """
        set -euo pipefail
        if ! command -v sudo >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then sudo() { "$@"; }; fi

        """;

    [Fact]
    public async Task FromZeroToARunningWorker_TheReadmesCommands_GetTheOutcomeOfACommandFromPythonAndNode()
    {
        var blocks = Blocks();
        Assert.Equal(["broker", "worker", "client", "output", "client", "offline"], blocks.Select(b => b.Role));

        // Step 1 is the one substituted: it must hold nothing else.
        Assert.Equal(
            ["sudo apt-get install -y rabbitmq-server", "sudo service rabbitmq-server start"],
            Commands(blocks[0].Text));

        var virtualHost = await broker.CreateVirtualHostAsync("readme-road");
        await using var openIm = new OpenImEmulator();
        await openIm.StartAsync();
        var environment = SamplesEnvironment.NoBuildServers();
        environment["RabbitMq__Host"] = "127.0.0.1";
        environment["RabbitMq__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RabbitMq__VirtualHost"] = virtualHost;
        environment["AMQP_URL"] = SamplesEnvironment.AmqpUrl(broker.Port, virtualHost);
        await using var relay = TcpRelay.TryStart(10002, openIm.BaseAddress.Port);
        if (relay is null)
        {
            // Only when something else holds the port; said loudly, since it is one substitution more.
            output.WriteLine($"127.0.0.1:10002 is taken: substituting Gateway__Providers__openim__BaseUrl={openIm.BaseAddress}");
            environment["Gateway__Providers__openim__BaseUrl"] = openIm.BaseAddress.ToString();
        }

        var python = await SamplesEnvironment.PythonAsync();
        var shims = Directory.CreateTempSubdirectory("mg-road-");
        try
        {
            if (python != "python3")
            {
                File.CreateSymbolicLink(Path.Combine(shims.FullName, "python3"), python);
                environment["PATH"] = $"{shims.FullName}:{Environment.GetEnvironmentVariable("PATH")}";
                output.WriteLine($"python3 on PATH has no pika: python3 is {python} here");
            }

            // Steps 2 and 3: the worker, left running (dotnet run builds first if needed).
            await using var worker = ChildProcess.Start("bash", ["-c", Prelude + blocks[1].Text], new ProcessOptions { Environment = environment });
            await worker.WaitForLineAsync(line => line.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromMinutes(5));

            // Step 4 from Python: the outcome line has the shape the README shows.
            var fromPython = await RunBlockAsync(blocks[2].Text, environment, worker);
            var shown = JsonNode.Parse(Commands(blocks[3].Text).Single())!;
            var printed = JsonNode.Parse(OutcomeLine(fromPython))!;
            Assert.Equal(shown["type"]!.GetValue<string>(), printed["type"]!.GetValue<string>());
            Assert.Equal(
                shown["event"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal),
                printed["event"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var key in new[] { "messageId", "provider", "duplicate" })
            {
                Assert.True(JsonNode.DeepEquals(shown["event"]![key], printed["event"]![key]), $"{key}: README {shown["event"]![key]}, printed {printed["event"]![key]}");
            }

            Assert.Equal("user-42", printed["event"]!["deliveries"]![0]!["recipient"]!.GetValue<string>());
            Assert.Single(openIm.Messages);

            // The same from Node: the same messageId again, answered as a duplicate without a second send.
            var fromNode = JsonNode.Parse(OutcomeLine(await RunBlockAsync(blocks[4].Text, environment, worker)))!;
            Assert.Equal("MessageSent", fromNode["type"]!.GetValue<string>());
            Assert.True(fromNode["event"]!["duplicate"]!.GetValue<bool>(), fromNode.ToJsonString());
            Assert.Single(openIm.Messages);

            // Tencent only, and both: rendered offline.
            var rendered = await RunBlockAsync(blocks[5].Text, environment, worker);
            Assert.Equal(2, Regex.Count(rendered.StdOut, "\"type\": \"TencentIm\""));
            Assert.Contains("https://adminapisgp.im.qcloud.com/v4/openim/sendmsg", rendered.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            shims.Delete(recursive: true);
        }
    }

    /// <summary>The README's blocks marked <c>&lt;!-- readme-road: ROLE --&gt;</c>, in order.</summary>
    private static List<(string Role, string Text)> Blocks()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var start = readme.IndexOf("## From zero to a running worker", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section 'From zero to a running worker'");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. BlockPattern().Matches(section).Select(m => (m.Groups["role"].Value, m.Groups["text"].Value))];
    }

    /// <summary>The lines of a block that are not comments or blank.</summary>
    private static List<string> Commands(string block) =>
        [.. block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    private static string OutcomeLine(ChildProcess block) =>
        block.StdOut.Split('\n').Single(line => line.StartsWith("{\"type\"", StringComparison.Ordinal));

    private async Task<ChildProcess> RunBlockAsync(string block, Dictionary<string, string?> environment, ChildProcess worker)
    {
        var process = await ChildProcess.RunAsync("bash", ["-c", Prelude + block], TimeSpan.FromMinutes(5), new ProcessOptions { Environment = environment });
        output.WriteLine(process.Output);
        Assert.True(process.ExitCode == 0, $"{process.Output}\n--- worker ---\n{worker.Output}");
        return process;
    }

    [GeneratedRegex(@"<!-- readme-road: (?<role>[a-z]+) -->\s*```(?:bash)?\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
