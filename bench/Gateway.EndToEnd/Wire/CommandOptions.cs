using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary><c>options</c> of a command; <c>extension</c> becomes OpenIM's <c>ex</c>.</summary>
public sealed record CommandOptions
{
    [JsonPropertyName("extension")]
    public string? Extension { get; init; }
}
