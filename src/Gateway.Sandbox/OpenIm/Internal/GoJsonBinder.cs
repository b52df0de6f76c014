using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Sandbox.OpenIm.Internal;

/// <summary>The Go type of a request field, for <c>encoding/json</c> type checks.</summary>
internal enum GoKind
{
    String,
    Int32,
    Int64,
    Bool,
    Map,
    StringSlice,
}

/// <summary>A <c>binding</c> rule: its tag name and whether the bound request passes it.</summary>
internal sealed record BindRule(string Tag, Func<object?, BoundRequest, bool> Passes)
{
    public static readonly BindRule Required = new("required", (value, _) => GoValues.HasValue(value));

    public static BindRule RequiredIfSessionType(params int[] sessionTypes) =>
        new("required_if", (value, request) => !sessionTypes.Contains((int)request.Int("sessionType")) || GoValues.HasValue(value));

    public static BindRule MaxLength(int max) => new("max", (value, _) => value is not string s || s.Length <= max);

    public static BindRule MinLength(int min) => new("min", (value, _) => value is not string s || s.Length >= min);

    public static BindRule Range(string tag, long min, long max) => new(tag, (value, _) => value is not long n || (n >= min && n <= max));
}

/// <summary>One field of a Go request struct: its JSON name, validator namespace, Go type and <c>binding</c> rules.</summary>
internal sealed record BindField(string Json, string Namespace, GoKind Kind, params BindRule[] Rules)
{
    /// <summary>Gets the typed fields of a nested struct (for example <c>offlinePushInfo</c>), checked like the outer ones.</summary>
    public IReadOnlyList<BindField>? Nested { get; init; }

    public string GoName => Namespace[(Namespace.LastIndexOf('.') + 1)..];
}

/// <summary>A request decoded with Go's rules: absent and null fields hold their zero value.</summary>
internal sealed class BoundRequest(Dictionary<string, object?> values, JsonObject raw)
{
    public JsonObject Raw { get; } = raw;

    public string Str(string json) => values.TryGetValue(json, out var v) && v is string s ? s : string.Empty;

    public long Int(string json) => values.TryGetValue(json, out var v) && v is long n ? n : 0;

    public bool Bool(string json) => values.TryGetValue(json, out var v) && v is true;

    public JsonObject? Map(string json) => values.TryGetValue(json, out var v) ? v as JsonObject : null;

    public IReadOnlyList<string>? Strings(string json) => values.TryGetValue(json, out var v) ? v as IReadOnlyList<string> : null;
}

/// <summary>
/// Binds a JSON body the way gin's <c>BindJSON</c> does: <c>encoding/json</c> (case-insensitive keys, unknown keys
/// ignored, type mismatches are errors) then the <c>binding</c> tags, all failures joined by newlines.
/// </summary>
internal static class GoJsonBinder
{
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static (BoundRequest? Request, string? Error) Bind(string body, string goStruct, IReadOnlyList<BindField> fields)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "EOF");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, CaseInsensitive);
        }
        catch (JsonException)
        {
            return (null, "invalid character looking for beginning of value");
        }
        catch (ArgumentException)
        {
            return (null, "invalid JSON object (duplicate keys)");
        }

        if (root is not JsonObject obj)
        {
            return (null, $"json: cannot unmarshal {JsonKind(root)} into Go value of type {goStruct}");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var (value, error) = Decode(obj[field.Json], field, goStruct);
            if (error is not null)
            {
                return (null, error);
            }

            values[field.Json] = value;
        }

        var request = new BoundRequest(values, obj);
        var failures = new List<string>();
        foreach (var field in fields)
        {
            var failed = field.Rules.FirstOrDefault(rule => !rule.Passes(values[field.Json], request));
            if (failed is not null)
            {
                failures.Add($"Key: '{field.Namespace}' Error:Field validation for '{field.GoName}' failed on the '{failed.Tag}' tag");
            }
        }

        return failures.Count == 0 ? (request, null) : (null, string.Join('\n', failures));
    }

    public static string JsonKind(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static (object? Value, string? Error) Decode(JsonNode? node, BindField field, string goStruct)
    {
        if (node is null)
        {
            return (null, null);
        }

        var kind = node.GetValueKind();
        string Mismatch(string goType, string? what = null) =>
            $"json: cannot unmarshal {what ?? JsonKind(node)} into Go struct field {goStruct}.{field.Json} of type {goType}";

        switch (field.Kind)
        {
            case GoKind.String:
                return kind == JsonValueKind.String ? (node.GetValue<string>(), null) : (null, Mismatch("string"));
            case GoKind.Int32:
            case GoKind.Int64:
                var goType = field.Kind == GoKind.Int32 ? "int32" : "int64";
                if (kind != JsonValueKind.Number)
                {
                    return (null, Mismatch(goType));
                }

                var raw = node.ToJsonString();
                var fits = long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    && (field.Kind == GoKind.Int64 || number is >= int.MinValue and <= int.MaxValue);
                return fits ? (number, null) : (null, Mismatch(goType, "number " + raw));
            case GoKind.Bool:
                return kind is JsonValueKind.True or JsonValueKind.False ? (kind == JsonValueKind.True, null) : (null, Mismatch("bool"));
            case GoKind.Map:
                if (node is not JsonObject map)
                {
                    return (null, Mismatch(field.Nested is null ? "map[string]interface {}" : field.GoName));
                }

                foreach (var nested in field.Nested ?? [])
                {
                    var (_, nestedError) = Decode(map[nested.Json], nested, $"{goStruct}.{field.Json}");
                    if (nestedError is not null)
                    {
                        return (null, nestedError);
                    }
                }

                return (map, null);
            case GoKind.StringSlice:
                if (node is not JsonArray array)
                {
                    return (null, Mismatch("[]string"));
                }

                var list = new List<string>(array.Count);
                foreach (var item in array)
                {
                    if (item?.GetValueKind() != JsonValueKind.String)
                    {
                        return (null, $"json: cannot unmarshal {JsonKind(item)} into Go struct field {goStruct}.{field.Json} of type string");
                    }

                    list.Add(item.GetValue<string>());
                }

                return (list, null);
            default:
                return (null, null);
        }
    }
}

/// <summary>Go's notion of a zero value, as the validator's <c>required</c> tag sees it.</summary>
internal static class GoValues
{
    public static bool HasValue(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        long n => n != 0,
        bool b => b,
        _ => true, // non-nil map, slice or struct pointer
    };
}
