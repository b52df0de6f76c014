using System.Text.Json.Serialization;
using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Serialization;

/// <summary>
/// Source-generated JSON metadata of every DTO. Null optional fields are omitted; numbers are also read from strings,
/// because the responses are parsed leniently and decided on <c>ErrorCode</c>.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SendMsgRequest))]
[JsonSerializable(typeof(BatchSendMsgRequest))]
[JsonSerializable(typeof(SendGroupMsgRequest))]
[JsonSerializable(typeof(AdminMsgWithdrawRequest))]
[JsonSerializable(typeof(GroupMsgRecallRequest))]
[JsonSerializable(typeof(IReadOnlyList<TencentImMsgElement>))]
[JsonSerializable(typeof(TextElemContent))]
[JsonSerializable(typeof(LocationElemContent))]
[JsonSerializable(typeof(FaceElemContent))]
[JsonSerializable(typeof(CustomElemContent))]
[JsonSerializable(typeof(SoundElemContent))]
[JsonSerializable(typeof(ImageElemContent))]
[JsonSerializable(typeof(FileElemContent))]
[JsonSerializable(typeof(VideoFileElemContent))]
[JsonSerializable(typeof(TencentImEnvelope))]
[JsonSerializable(typeof(SendMsgResponse))]
[JsonSerializable(typeof(BatchSendMsgResponse))]
[JsonSerializable(typeof(SendGroupMsgResponse))]
[JsonSerializable(typeof(GroupMsgRecallResponse))]
internal sealed partial class TencentImJsonContext : JsonSerializerContext;
