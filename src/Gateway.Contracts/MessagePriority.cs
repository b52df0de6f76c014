using System.Text.Json.Serialization;

namespace Gateway.Core.Contracts;

/// <summary>The priority of a group message under the provider's frequency control.</summary>
[JsonConverter(typeof(LenientEnumConverter<MessagePriority>))]
public enum MessagePriority
{
    /// <summary>Highest priority.</summary>
    [JsonStringEnumMemberName("high")] High = 1,

    /// <summary>Normal priority.</summary>
    [JsonStringEnumMemberName("normal")] Normal,

    /// <summary>Low priority.</summary>
    [JsonStringEnumMemberName("low")] Low,

    /// <summary>Lowest priority.</summary>
    [JsonStringEnumMemberName("lowest")] Lowest,
}
