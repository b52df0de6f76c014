using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Contracts;

/// <summary>
/// Reads an enum from its wire name (case-insensitive) and writes the wire name. An unknown name or a number reads
/// as the undefined value 0, so the validator can report the field by name instead of the whole command failing
/// as malformed JSON.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class LenientEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = BuildNames();
    private static readonly Dictionary<TEnum, string> ToName = ByName
        .GroupBy(pair => pair.Value)
        .ToDictionary(group => group.Key, group => group.First().Key);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return text is not null && ByName.TryGetValue(text, out var value) ? value : default;
        }

        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
        {
            return default;
        }

        throw new JsonException($"Expected a string for {typeof(TEnum).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToName.TryGetValue(value, out var name) ? name : value.ToString());
    }

    /// <summary>Gets the wire names of the enum, in declaration order.</summary>
    public static IEnumerable<string> WireNames => ToName.Values;

    /// <summary>Gets the wire name of a value, or <c>unknown</c> for an undefined one.</summary>
    public static string WireName(TEnum value) => ToName.TryGetValue(value, out var name) ? name : "unknown";

    private static Dictionary<string, TEnum> BuildNames()
    {
        // Wire names first so that writing uses them; the C# names are accepted on read too.
        var names = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var wire = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            names.TryAdd(wire, value);
        }

        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            names.TryAdd(field.Name, (TEnum)field.GetValue(null)!);
        }

        return names;
    }
}
