using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Sandbox.OpenIm.Internal;

/// <summary>
/// What OpenIM does with <c>content</c>: <c>mapstructure.WeakDecode</c> into the element struct (keys matched
/// case-insensitively, weak conversions such as number → string), then <c>validator.Struct</c>. Decode failures read
/// "N error(s) decoding: ..."; validation failures read "Key: 'TextElem.Content' Error:Field validation for ...".
/// </summary>
internal static class WeakDecoder
{
    /// <summary>Decodes and validates.</summary>
    /// <returns>The decode error, or else the validation error, or (null, null) when the content is valid.</returns>
    public static (string? DecodeError, string? ValidationError) Check(JsonObject content, ElementSpec spec)
    {
        var decodeErrors = new List<string>();
        var decoded = DecodeStruct(content, spec, string.Empty, decodeErrors);
        if (decodeErrors.Count > 0)
        {
            return ($"{decodeErrors.Count} error(s) decoding:\n\n{string.Join('\n', decodeErrors.Select(e => "* " + e))}", null);
        }

        var validationErrors = new List<string>();
        Validate(decoded, spec, spec.GoType, validationErrors);
        return (null, validationErrors.Count > 0 ? string.Join('\n', validationErrors) : null);
    }

    private static Dictionary<string, object?> DecodeStruct(JsonObject source, ElementSpec spec, string prefix, List<string> errors)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in spec.Fields)
        {
            var name = prefix + field.Key;
            var node = Find(source, field.Key);
            values[field.GoName] = field.Kind switch
            {
                WeakKind.String => ToString(node, name, errors),
                WeakKind.Int => ToInt(node, name, errors),
                WeakKind.Bool => ToBool(node, name, errors),
                WeakKind.StringSlice => ToStrings(node, name, errors),
                WeakKind.Struct => ToStruct(node, field.Nested!, name, errors) ?? DecodeStruct([], field.Nested!, name + ".", errors),
                WeakKind.StructPointer => ToStruct(node, field.Nested!, name, errors),
                _ => null,
            };
        }

        return values;
    }

    private static JsonNode? Find(JsonObject source, string key)
    {
        if (source.TryGetPropertyValue(key, out var exact))
        {
            return exact;
        }

        // mapstructure falls back to a case-insensitive match of the field name.
        foreach (var (name, value) in source)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string GoType(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "float64",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "[]interface {}",
        JsonValueKind.Object => "map[string]interface {}",
        _ => "<nil>",
    };

    private static string Unconvertible(string name, string expected, JsonNode node) =>
        $"'{name}' expected type '{expected}', got unconvertible type '{GoType(node)}', value: '{node.ToJsonString()}'";

    private static string? ToString(JsonNode? node, string name, List<string> errors)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return string.Empty;
            case JsonValueKind.String:
                return node.GetValue<string>();
            case JsonValueKind.Number:
                return node.ToJsonString();
            case JsonValueKind.True:
                return "1";
            case JsonValueKind.False:
                return "0";
            default:
                errors.Add(Unconvertible(name, "string", node!));
                return string.Empty;
        }
    }

    private static long ToInt(JsonNode? node, string name, List<string> errors)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return 0;
            case JsonValueKind.Number:
                return (long)node.GetValue<double>();
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.String:
                var text = node.GetValue<string>();
                if (text.Length == 0)
                {
                    return 0;
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                errors.Add($"cannot parse '{name}' as int: strconv.ParseInt: parsing \"{text}\": invalid syntax");
                return 0;
            default:
                errors.Add(Unconvertible(name, "int", node!));
                return 0;
        }
    }

    private static bool ToBool(JsonNode? node, string name, List<string> errors)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null or JsonValueKind.False:
                return false;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.Number:
                return node.GetValue<double>() != 0;
            case JsonValueKind.String:
                var text = node.GetValue<string>();
                if (text.Length == 0)
                {
                    return false;
                }

                if (text is "1" or "t" or "T" or "true" or "TRUE" or "True")
                {
                    return true;
                }

                if (text is "0" or "f" or "F" or "false" or "FALSE" or "False")
                {
                    return false;
                }

                errors.Add($"cannot parse '{name}' as bool: strconv.ParseBool: parsing \"{text}\": invalid syntax");
                return false;
            default:
                errors.Add(Unconvertible(name, "bool", node!));
                return false;
        }
    }

    private static List<string>? ToStrings(JsonNode? node, string name, List<string> errors)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var list = new List<string>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    list.Add(ToString(array[i], $"{name}[{i}]", errors) ?? string.Empty);
                }

                return list;
            case JsonObject:
                errors.Add($"'{name}': source data must be an array or slice, got map");
                return null;
            default:
                // WeaklyTypedInput turns a single value into a one-element slice.
                return [ToString(node, name + "[0]", errors) ?? string.Empty];
        }
    }

    private static Dictionary<string, object?>? ToStruct(JsonNode? node, ElementSpec spec, string name, List<string> errors)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return DecodeStruct(obj, spec, name + ".", errors);
            default:
                errors.Add($"'{name}' expected a map, got '{GoType(node)}'");
                return null;
        }
    }

    private static void Validate(Dictionary<string, object?> values, ElementSpec spec, string ns, List<string> errors)
    {
        foreach (var field in spec.Fields)
        {
            var value = values[field.GoName];
            if (field.Kind is WeakKind.Struct or WeakKind.StructPointer)
            {
                // `required` on a struct is a no-op in validator v10; nested fields are checked when the struct is there.
                if (value is Dictionary<string, object?> nested)
                {
                    Validate(nested, field.Nested!, $"{ns}.{field.GoName}", errors);
                }

                continue;
            }

            if (field.Validate is null)
            {
                continue;
            }

            foreach (var tag in field.Validate.Split(','))
            {
                if (!Passes(tag, value))
                {
                    errors.Add($"Key: '{ns}.{field.GoName}' Error:Field validation for '{field.GoName}' failed on the '{tag.Split('=')[0]}' tag");
                    break;
                }
            }
        }
    }

    private static bool Passes(string tag, object? value)
    {
        var parts = tag.Split('=');
        long Limit() => long.Parse(parts[1], CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "required" => value switch
            {
                string s => s.Length > 0,
                long n => n != 0,
                bool b => b,
                List<string> => true, // non-nil slice
                _ => false,
            },
            "min" => value switch { long n => n >= Limit(), string s => s.Length >= Limit(), List<string> l => l.Count >= Limit(), _ => true },
            "max" => value switch { long n => n <= Limit(), string s => s.Length <= Limit(), List<string> l => l.Count <= Limit(), _ => true },
            "gte" => value is not long n || n >= Limit(),
            "lte" => value is not long n || n <= Limit(),
            _ => true,
        };
    }
}
