using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>Source-generated serialization for the raw peer's command and both peers' OpenIM calls.</summary>
[JsonSerializable(typeof(SendMessageCommand))]
[JsonSerializable(typeof(OpenImSendMsgRequest))]
[JsonSerializable(typeof(OpenImAdminTokenRequest))]
[JsonSerializable(typeof(OpenImTokenReply))]
[JsonSerializable(typeof(OpenImSendReply))]
internal sealed partial class EndToEndJsonContext : JsonSerializerContext;
