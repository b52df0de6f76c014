using System.Text.Json.Nodes;
using Gateway.Testing;

namespace Gateway.Samples.Tests.Support;

/// <summary>One language's pair of samples (publish, outcomes), run as a user runs them, against one broker URL.</summary>
internal sealed class SampleClient
{
    private readonly string _program;
    private readonly string _publish;
    private readonly string _outcomes;
    private readonly string _directory;

    private SampleClient(string language, string program, string publish, string outcomes, string directory)
    {
        Language = language;
        _program = program;
        _publish = publish;
        _outcomes = outcomes;
        _directory = directory;
    }

    public string Language { get; }

    public static async Task<SampleClient> CreateAsync(string language) => language switch
    {
        "python" => new SampleClient(language, await SamplesEnvironment.PythonAsync(), "samples/python/publish.py", "samples/python/outcomes.py", RepositoryPaths.Root),
        "node" => new SampleClient(language, "node", "publish.js", "outcomes.js", await SamplesEnvironment.NodeSampleAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "python or node"),
    };

    /// <summary>Runs the publish sample to its end.</summary>
    public Task<ChildProcess> PublishAsync(string amqpUrl, params string[] arguments) =>
        ChildProcess.RunAsync(_program, [_publish, .. arguments], TimeSpan.FromSeconds(60), Options(amqpUrl));

    /// <summary>Starts the outcomes sample (it stops by itself after its count or timeout).</summary>
    public ChildProcess StartOutcomes(string amqpUrl, params string[] arguments) =>
        ChildProcess.Start(_program, [_outcomes, .. arguments], Options(amqpUrl));

    /// <summary>The outcome lines a sample printed: <c>{"type": ..., "event": {...}}</c>, one per line.</summary>
    public static List<(string Type, JsonObject Event)> Outcomes(ChildProcess outcomes) =>
        [.. outcomes.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Select(line => (line["type"]!.GetValue<string>(), line["event"]!.AsObject()))];

    private ProcessOptions Options(string amqpUrl) => new()
    {
        WorkingDirectory = _directory,
        Environment = new(StringComparer.Ordinal) { ["AMQP_URL"] = amqpUrl },
    };
}
