using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Core.Contracts;
using Gateway.Core.Serialization;
using Gateway.Testing;

namespace Gateway.Samples.Tests;

/// <summary>docs/events.md and the README's operator commands agree with the code and the samples.</summary>
public sealed partial class DocsTests
{
    private static readonly string Events = File.ReadAllText(RepositoryPaths.Combine("docs/events.md"));

    [Fact]
    public void EventsPage_ExampleEvent_IsAMessageSendFailedThatRoundTrips()
    {
        var json = Assert.Single(JsonBlock().Matches(Events)).Groups["json"].Value;

        var failed = JsonSerializer.Deserialize<MessageSendFailed>(json, GatewayJson.Options)!;

        Assert.Equal(GatewayErrorCode.InvalidMessage, failed.Error.Code);
        var again = JsonNode.Parse(JsonSerializer.Serialize(failed, GatewayJson.Options));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), again), again!.ToJsonString());
    }

    [Fact]
    public void EventExchanges_ThePageAndBothSamples_NameTheSameFour()
    {
        string[] expected =
        [
            "Gateway.Core.Contracts:MessageSent", "Gateway.Core.Contracts:MessageSendFailed",
            "Gateway.Core.Contracts:MessageRevoked", "Gateway.Core.Contracts:MessageRevokeFailed",
        ];

        foreach (var file in new[] { "docs/events.md", "samples/python/outcomes.py", "samples/node/outcomes.js" })
        {
            var named = ExchangeName().Matches(File.ReadAllText(RepositoryPaths.Combine(file))).Select(m => m.Value).Distinct();
            Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(named.Order(StringComparer.Ordinal)), $"{file}: {string.Join(", ", named)}");
        }

        // The exchanges are MassTransit's names for the contract types: namespace and type name.
        Assert.Equal(expected, new[] { typeof(MessageSent), typeof(MessageSendFailed), typeof(MessageRevoked), typeof(MessageRevokeFailed) }.Select(t => $"{t.Namespace}:{t.Name}"));
    }

    [Theory]
    [InlineData("dotnet pack src/Gateway.Host -o ./packages")]
    [InlineData("dotnet tool install --global --add-source ./packages MessagingGateway.Tool")]
    [InlineData("gateway render --file samples/send-text.json --config samples/appsettings.render.json")]
    [InlineData("dotnet publish src/Gateway.Host -c Release -r linux-x64 --self-contained -o ./publish")]
    [InlineData("./publish/Gateway.Host render --file samples/send-text.json --config samples/appsettings.render.json")]
    public void Readme_OperatorCommands_AreTheOnesPackagingTestsRun(string command)
    {
        // PackagingTests runs these with temporary folders for ./packages and ./publish and --tool-path for --global.
        Assert.Contains(command, File.ReadAllText(RepositoryPaths.Combine("README.md")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"Gateway\.Core\.Contracts:Message\w+")]
    private static partial Regex ExchangeName();
}
