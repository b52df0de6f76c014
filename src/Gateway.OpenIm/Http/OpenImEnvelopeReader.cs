using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Reads an OpenIM envelope <c>{errCode, errMsg, errDlt, data}</c>: the envelope with <see cref="Utf8JsonReader"/>, its
/// <c>data</c> with the source-generated contract. The answer is read once per request, and the serializer allocated
/// a read stack of several hundred bytes for the envelope's one level of nesting. It accepts and rejects what the
/// serializer does for <see cref="OpenImResponse{TData}"/> (a test holds the two to the same answers): property names
/// are case-sensitive, unknown properties are skipped, the last of a repeated property wins, and anything that is not
/// one JSON object of those types throws <see cref="JsonException"/>.
/// </summary>
internal static class OpenImEnvelopeReader
{
    public static OpenImResponse<TData> Read<TData>(ReadOnlySpan<byte> body, JsonTypeInfo<TData> dataType)
        where TData : class
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("an OpenIM answer is a JSON object");
        }

        var envelope = new OpenImResponse<TData>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("errCode"u8))
            {
                reader.Read();
                envelope.ErrCode = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.Number when reader.TryGetInt32(out var code) => code,
                    _ => throw new JsonException("errCode is not an Int32"),
                };
            }
            else if (reader.ValueTextEquals("errMsg"u8))
            {
                reader.Read();
                envelope.ErrMsg = ReadString(ref reader, "errMsg");
            }
            else if (reader.ValueTextEquals("errDlt"u8))
            {
                reader.Read();
                envelope.ErrDlt = ReadString(ref reader, "errDlt");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                envelope.Data = JsonSerializer.Deserialize(ref reader, dataType);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("an OpenIM answer is one JSON object");
        }

        return envelope;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"{name} is not a string"),
    };
}
