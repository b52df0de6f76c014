using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>
/// The plain-JSON <c>SendMessage</c> command as other services publish it (the subset the benchmark sends). Public
/// because MassTransit's raw JSON deserializer binds it in the <c>masstransit</c> peer.
/// </summary>
public sealed record SendMessageCommand
{
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("to")]
    public required IReadOnlyList<string> To { get; init; }

    [JsonPropertyName("content")]
    public required CommandContent Content { get; init; }

    [JsonPropertyName("options")]
    public CommandOptions? Options { get; init; }
}
