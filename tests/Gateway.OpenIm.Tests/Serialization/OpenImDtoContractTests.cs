using System.Reflection;
using System.Text.Json.Serialization;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm.Tests.Serialization;

/// <summary>The wire names are the contract: every DTO is internal, sealed and names every property explicitly.</summary>
public sealed class OpenImDtoContractTests
{
    private static readonly Type[] Dtos = [.. typeof(SendMsgRequest).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(SendMsgRequest).Namespace && t.IsClass && !t.IsNested && !t.Name.StartsWith('<'))];

    [Fact]
    public void Dtos_EveryProperty_HasJsonPropertyName()
    {
        var missing = Dtos
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.GetCustomAttribute<JsonPropertyNameAttribute>() is null)
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.True(Dtos.Length >= 20, $"found only {Dtos.Length} DTOs");
        Assert.Empty(missing);
    }

    [Fact]
    public void Dtos_AreInternalAndSealed()
    {
        Assert.All(Dtos, t => Assert.True(t.IsSealed && !t.IsPublic, $"{t.Name} must be internal sealed"));
    }

    [Fact]
    public void JsonContext_KnowsEveryContentElement()
    {
        var elements = new[]
        {
            typeof(TextElem), typeof(TextElemV2), typeof(AtElem), typeof(PictureElem), typeof(SoundElem), typeof(VideoElem),
            typeof(FileElem), typeof(CustomElem), typeof(OaNotificationElem), typeof(RevokeElem),
        };

        Assert.All(elements, t => Assert.NotNull(OpenImJsonContext.Default.GetTypeInfo(t)));
    }
}
