using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Core.Contracts;

namespace Gateway.Core.Serialization;

/// <summary>Source-generated JSON metadata for the contracts (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendMessage))]
[JsonSerializable(typeof(RevokeMessage))]
[JsonSerializable(typeof(MessageSent))]
[JsonSerializable(typeof(MessageSendFailed))]
[JsonSerializable(typeof(MessageRevoked))]
[JsonSerializable(typeof(MessageRevokeFailed))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
