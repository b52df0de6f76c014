using System.Text.Json.Serialization;
using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Serialization;

/// <summary>
/// The source-generated contracts of the OpenIM wire format. Nulls are omitted (Go treats absent and zero alike);
/// required fields are non-nullable so they are always written. Content elements are listed so that
/// <see cref="SendMsgRequest.Content"/> serializes by its runtime type.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetAdminTokenRequest))]
[JsonSerializable(typeof(UserTokenRequest))]
[JsonSerializable(typeof(UserTokenV2Request))]
[JsonSerializable(typeof(OpenImResponse<TokenData>))]
[JsonSerializable(typeof(SendMsgRequest))]
[JsonSerializable(typeof(BatchSendMsgRequest))]
[JsonSerializable(typeof(OpenImResponse<SendMsgData>))]
[JsonSerializable(typeof(OpenImResponse<BatchSendMsgData>))]
[JsonSerializable(typeof(TextElem))]
[JsonSerializable(typeof(TextElemV2))]
[JsonSerializable(typeof(AtElem))]
[JsonSerializable(typeof(PictureElem))]
[JsonSerializable(typeof(SoundElem))]
[JsonSerializable(typeof(VideoElem))]
[JsonSerializable(typeof(FileElem))]
[JsonSerializable(typeof(CustomElem))]
[JsonSerializable(typeof(OaNotificationElem))]
[JsonSerializable(typeof(RevokeElem))]
internal sealed partial class OpenImJsonContext : JsonSerializerContext;
