using System.Text;
using System.Text.Json;

namespace Gateway.Sandbox.TencentIm;

/// <summary>
/// The server's rules for <c>MsgBody</c> (reference §5): an array of <c>{MsgType, MsgContent}</c>, exact field casing
/// and JSON types per element, <c>Download_Flag</c> 2, at most one <c>TIMCustomElem</c>, and the size limit.
/// </summary>
internal static class MsgBodyRules
{
    private static readonly HashSet<long> ImageFormats = [1, 2, 3, 4, 255];

    public static (int Code, string Info)? Validate(JsonElement request, int maxBytes)
    {
        if (!request.TryGetProperty("MsgBody", out var body) || body.ValueKind != JsonValueKind.Array)
        {
            return (TencentImErrorCodes.MsgBodyNotArray, "MsgBody is missing or not an array");
        }

        if (body.GetArrayLength() == 0)
        {
            return (TencentImErrorCodes.MsgBodyInvalid, "MsgBody is empty");
        }

        var bytes = Encoding.UTF8.GetByteCount(body.GetRawText());
        if (bytes > maxBytes)
        {
            return (TencentImErrorCodes.BodyTooLong, $"MsgBody is {bytes} bytes, over the {maxBytes}-byte limit");
        }

        var customElements = 0;
        var index = 0;
        foreach (var element in body.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("MsgType", out var type) || type.ValueKind != JsonValueKind.String
                || !element.TryGetProperty("MsgContent", out var content) || content.ValueKind != JsonValueKind.Object)
            {
                return (TencentImErrorCodes.MsgBodyInvalid, $"MsgBody[{index}] must be an object with MsgType and MsgContent");
            }

            var problem = type.GetString() switch
            {
                "TIMTextElem" => Require(content, ("Text", Kind.String)),
                "TIMLocationElem" => Require(content, ("Desc", Kind.String), ("Latitude", Kind.Number), ("Longitude", Kind.Number)),
                "TIMFaceElem" => Require(content, ("Index", Kind.Integer)) ?? Optional(content, ("Data", Kind.String)),
                "TIMCustomElem" => Require(content, ("Data", Kind.String)) ?? Optional(content, ("Desc", Kind.String), ("Ext", Kind.String), ("Sound", Kind.String)),
                "TIMSoundElem" => Require(content, ("Url", Kind.String), ("Size", Kind.Integer), ("Second", Kind.Integer), ("Download_Flag", Kind.Integer))
                    ?? Optional(content, ("UUID", Kind.String)) ?? DownloadFlag(content, "Download_Flag"),
                "TIMFileElem" => Require(content, ("Url", Kind.String), ("FileSize", Kind.Integer), ("FileName", Kind.String), ("Download_Flag", Kind.Integer))
                    ?? Optional(content, ("UUID", Kind.String)) ?? DownloadFlag(content, "Download_Flag"),
                "TIMVideoFileElem" => Require(
                        content,
                        ("VideoUrl", Kind.String), ("VideoSize", Kind.Integer), ("VideoSecond", Kind.Integer), ("VideoFormat", Kind.String),
                        ("VideoDownloadFlag", Kind.Integer), ("ThumbUrl", Kind.String), ("ThumbSize", Kind.Integer), ("ThumbWidth", Kind.Integer),
                        ("ThumbHeight", Kind.Integer), ("ThumbFormat", Kind.String), ("ThumbDownloadFlag", Kind.Integer))
                    ?? Optional(content, ("VideoUUID", Kind.String), ("ThumbUUID", Kind.String))
                    ?? DownloadFlag(content, "VideoDownloadFlag") ?? DownloadFlag(content, "ThumbDownloadFlag"),
                "TIMImageElem" => Image(content),
                "TIMRelayElem" => null,
                var other => $"unknown MsgType '{other}'",
            };

            if (problem is not null)
            {
                var code = type.GetString() is "TIMTextElem" or "TIMLocationElem" or "TIMFaceElem" or "TIMCustomElem" or "TIMSoundElem"
                    or "TIMFileElem" or "TIMVideoFileElem" or "TIMImageElem"
                    ? TencentImErrorCodes.ElementInvalid
                    : TencentImErrorCodes.MsgBodyInvalid;
                return (code, $"MsgBody[{index}] {type.GetString()}: {problem}");
            }

            if (type.GetString() == "TIMCustomElem" && ++customElements > 1)
            {
                return (TencentImErrorCodes.ElementInvalid, "a message may contain at most one TIMCustomElem");
            }

            index++;
        }

        return null;
    }

    public static bool IsInteger(JsonElement element) => element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out _);

    private static string? Image(JsonElement content)
    {
        var problem = Require(content, ("ImageFormat", Kind.Integer)) ?? Optional(content, ("UUID", Kind.String));
        if (problem is not null)
        {
            return problem;
        }

        if (!ImageFormats.Contains(content.GetProperty("ImageFormat").GetInt64()))
        {
            return "ImageFormat must be 1 (JPG), 2 (GIF), 3 (PNG), 4 (BMP) or 255 (other)";
        }

        if (!content.TryGetProperty("ImageInfoArray", out var infos) || infos.ValueKind != JsonValueKind.Array || infos.GetArrayLength() is 0 or > 3)
        {
            return "ImageInfoArray must be an array of 1 to 3 items";
        }

        var types = new HashSet<long>();
        foreach (var info in infos.EnumerateArray())
        {
            if (info.ValueKind != JsonValueKind.Object)
            {
                return "ImageInfoArray items must be objects";
            }

            problem = Require(info, ("Type", Kind.Integer), ("Size", Kind.Integer), ("Width", Kind.Integer), ("Height", Kind.Integer), ("URL", Kind.String));
            if (problem is not null)
            {
                return "ImageInfoArray: " + problem;
            }

            var type = info.GetProperty("Type").GetInt64();
            if (type is < 1 or > 3 || !types.Add(type))
            {
                return "ImageInfoArray Type must be 1 (original), 2 (large) or 3 (thumbnail), each at most once";
            }
        }

        return null;
    }

    private static string? DownloadFlag(JsonElement content, string name) =>
        content.GetProperty(name).GetInt64() == 2 ? null : $"{name} must be 2";

    private static string? Require(JsonElement content, params (string Name, Kind Kind)[] fields)
    {
        foreach (var (name, kind) in fields)
        {
            if (!content.TryGetProperty(name, out var value))
            {
                return $"{name} is required (names are case-sensitive)";
            }

            if (!Matches(value, kind))
            {
                return $"{name} must be {Describe(kind)}";
            }
        }

        return null;
    }

    private static string? Optional(JsonElement content, params (string Name, Kind Kind)[] fields)
    {
        foreach (var (name, kind) in fields)
        {
            if (content.TryGetProperty(name, out var value) && !Matches(value, kind))
            {
                return $"{name} must be {Describe(kind)}";
            }
        }

        return null;
    }

    private static bool Matches(JsonElement value, Kind kind) => kind switch
    {
        Kind.String => value.ValueKind == JsonValueKind.String,
        Kind.Number => value.ValueKind == JsonValueKind.Number,
        Kind.Integer => IsInteger(value),
        _ => false,
    };

    private static string Describe(Kind kind) => kind switch
    {
        Kind.String => "a string",
        Kind.Number => "a number",
        _ => "an integer",
    };

    private enum Kind
    {
        String,
        Number,
        Integer,
    }
}
