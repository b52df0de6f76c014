using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Gateway.Core.Contracts;
using Gateway.Core.Serialization;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Serialization;

/// <summary>Every JSON sample in docs/contracts.md is a working contract: the docs cannot drift from the code.</summary>
public partial class ContractSamplesTests
{
    // Same rules as the gateway's reader, plus: a misspelled field in the docs fails instead of being ignored.
    private static readonly JsonSerializerOptions Strict = new(GatewayJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        var text = File.ReadAllText(RepositoryPaths.Combine("docs/contracts.md"));
        var index = 0;
        foreach (Match match in SampleBlock().Matches(text))
        {
            data.Add($"{++index}", match.Groups["type"].Value, match.Groups["json"].Value);
        }

        return data;
    }

    [Fact]
    public void Samples_InContractsDoc_CoverEveryContentTypeAndEveryContract()
    {
        var samples = Samples().Select(row => ((string)row[1], (string)row[2])).ToArray();
        var commandTypes = samples
            .Where(s => s.Item1 == nameof(SendMessage))
            .Select(s => JsonSerializer.Deserialize<SendMessage>(s.Item2, Strict)!.Content.Type)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<ContentType>().ToHashSet(), commandTypes);
        Assert.Equal(
            new[] { nameof(MessageRevokeFailed), nameof(MessageRevoked), nameof(MessageSendFailed), nameof(MessageSent), nameof(RevokeMessage), nameof(SendMessage) },
            samples.Select(s => s.Item1).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Deserialized_IsValidAndRoundTrips(string number, string contract, string json)
    {
        switch (contract)
        {
            case nameof(SendMessage):
                var command = JsonSerializer.Deserialize<SendMessage>(json, Strict)!;
                var result = new SendMessageValidator(Options.Create(new GatewayOptions())).Validate(command);
                Assert.True(result.IsValid, $"sample {number}: {ValidationFailures.ToError(result.Errors).Message}");
                break;
            case nameof(RevokeMessage):
                var revoke = JsonSerializer.Deserialize<RevokeMessage>(json, Strict)!;
                Assert.True(new RevokeMessageValidator().Validate(revoke).IsValid, $"sample {number}");
                break;
            case nameof(MessageSent):
                AssertRoundTrips<MessageSent>(json, number);
                break;
            case nameof(MessageSendFailed):
                AssertRoundTrips<MessageSendFailed>(json, number);
                break;
            case nameof(MessageRevoked):
                AssertRoundTrips<MessageRevoked>(json, number);
                break;
            case nameof(MessageRevokeFailed):
                AssertRoundTrips<MessageRevokeFailed>(json, number);
                break;
            default:
                Assert.Fail($"sample {number} names an unknown contract '{contract}'");
                break;
        }
    }

    public static TheoryData<string> CommandFiles() =>
        [.. Directory.GetFiles(RepositoryPaths.Combine("samples"), "send-*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CommandFiles))]
    public void CommandFile_InSamples_IsAValidCommand(string file)
    {
        var command = JsonSerializer.Deserialize<SendMessage>(File.ReadAllText(RepositoryPaths.Combine("samples/" + file)), Strict)!;

        var result = new SendMessageValidator(Options.Create(new GatewayOptions())).Validate(command);

        Assert.True(result.IsValid, $"{file}: {ValidationFailures.ToError(result.Errors).Message}");
    }

    private static void AssertRoundTrips<T>(string json, string number)
    {
        var value = JsonSerializer.Deserialize<T>(json, Strict)!;
        var written = JsonSerializer.SerializeToNode(value, GatewayJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), $"sample {number} writes back as {written}");
    }

    [GeneratedRegex(@"<!-- sample: (?<type>\w+) -->\s*```json\s*\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SampleBlock();
}
