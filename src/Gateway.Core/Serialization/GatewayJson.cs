using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Gateway.Core.Serialization;

/// <summary>The JSON form of the contracts: camelCase, enums as their wire names, nulls omitted.</summary>
public static class GatewayJson
{
    /// <summary>
    /// Gets the serializer options for the contracts. Required members are not enforced while reading, so that a
    /// command without, say, <c>content</c> reaches the validator and gets an error naming the field.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Adds the contracts' reading rules to serializer options used elsewhere (for example by the bus).</summary>
    /// <param name="options">The options to change; must not be read-only yet.</param>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(LetValidatorCheckRequiredMembers);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(GatewayJsonContext.Default.Options);
        options.TypeInfoResolver = GatewayJsonContext.Default.WithAddedModifier(LetValidatorCheckRequiredMembers);
        options.MakeReadOnly();
        return options;
    }

    private static void LetValidatorCheckRequiredMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace != typeof(Contracts.SendMessage).Namespace)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            property.IsRequired = false;
        }
    }
}
