using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Gateway.Core.Contracts;

namespace Gateway.Contracts.Tests;

/// <summary>Enum values on the wire are the names docs/contracts.md documents, whatever serializer options a publisher uses.</summary>
public partial class WireNameTests
{
    public static TheoryData<Type, string[]> DocumentedNames => new()
    {
        { typeof(ContentType), ["text", "mention", "image", "sound", "video", "file", "location", "face", "custom", "notification"] },
        { typeof(ImageFormat), ["png", "jpg", "gif", "bmp", "other"] },
        { typeof(MessagePriority), ["high", "normal", "low", "lowest"] },
        {
            typeof(GatewayErrorCode),
            ["Unknown", "InvalidMessage", "RecipientNotFound", "RecipientRejected", "Unauthorized", "Forbidden", "RateLimited", "ProviderUnavailable"]
        },
    };

    public static TheoryData<Type> CommandEnums => [typeof(ContentType), typeof(ImageFormat), typeof(MessagePriority)];

    [Fact]
    public void GetExportedTypes_Enums_EachHasItsWireConverter()
    {
        var withoutConverter = typeof(SendMessage).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && t.GetCustomAttribute<JsonConverterAttribute>() is null)
            .Select(t => t.Name)
            .ToArray();

        Assert.Empty(withoutConverter);
        Assert.Equal(
            [nameof(ContentType), nameof(GatewayErrorCode), nameof(ImageFormat), nameof(MessagePriority)],
            typeof(SendMessage).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(DocumentedNames))]
    public void Serialize_EveryValue_WritesItsDocumentedName(Type type, string[] documented)
    {
        var written = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(v, type))).ToArray();

        Assert.Equal(documented, written);
    }

    [Theory]
    [MemberData(nameof(DocumentedNames))]
    public void Deserialize_DocumentedNameInAnyCase_ReadsTheValue(Type type, string[] documented)
    {
        var values = Enum.GetValues(type).Cast<object>().ToArray();

        for (var i = 0; i < documented.Length; i++)
        {
            Assert.Equal(values[i], JsonSerializer.Deserialize($"\"{documented[i].ToUpperInvariant()}\"", type));
        }
    }

    [Theory]
    [MemberData(nameof(CommandEnums))]
    public void Deserialize_UnknownName_ReadsAsTheUndefinedZeroForTheValidator(Type type)
    {
        var value = JsonSerializer.Deserialize("\"sticker\"", type)!;

        Assert.Equal(0, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(Enum.IsDefined(type, value));
    }

    [Fact]
    public void Serialize_AnyValue_CommandEnumsLowercaseAndErrorCodesPascalCase()
    {
        foreach (var type in new[] { typeof(ContentType), typeof(ImageFormat), typeof(MessagePriority) })
        {
            Assert.All(Enum.GetValues(type).Cast<object>(), v => Assert.Matches(Lowercase(), JsonSerializer.Serialize(v, type).Trim('"')));
        }

        Assert.All(Enum.GetValues<GatewayErrorCode>(), v => Assert.Matches(PascalCase(), JsonSerializer.Serialize(v).Trim('"')));
    }

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex Lowercase();

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")]
    private static partial Regex PascalCase();
}
