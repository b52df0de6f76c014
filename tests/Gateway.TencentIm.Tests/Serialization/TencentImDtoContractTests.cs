using System.Reflection;
using System.Text.Json.Serialization;
using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Tests.Serialization;

public sealed class TencentImDtoContractTests
{
    private static readonly Type[] Dtos = [.. typeof(SendMsgRequest).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(SendMsgRequest).Namespace && t.IsClass && !t.IsNested)];

    [Fact]
    public void Dtos_Found_CoverEveryRequestAndResponse()
    {
        Assert.True(Dtos.Length >= 25, $"found {Dtos.Length} DTOs");
    }

    [Fact]
    public void Dtos_EveryProperty_HasAnExplicitJsonPropertyName()
    {
        var missing = Dtos.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Dtos_Every_IsInternalAndSealed()
    {
        Assert.All(Dtos, t =>
        {
            Assert.False(t.IsPublic, t.Name);
            Assert.True(t.IsSealed, t.Name);
        });
    }

    [Fact]
    public void Dtos_WireNames_KeepTencentsCasingTraps()
    {
        string Wire(Type type, string property) => type.GetProperty(property)!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;

        Assert.Equal("URL", Wire(typeof(ImageInfo), nameof(ImageInfo.Url)));
        Assert.Equal("Url", Wire(typeof(SoundElemContent), nameof(SoundElemContent.Url)));
        Assert.Equal("Download_Flag", Wire(typeof(FileElemContent), nameof(FileElemContent.DownloadFlag)));
        Assert.Equal("From_Account", Wire(typeof(SendMsgRequest), nameof(SendMsgRequest.FromAccount)));
        Assert.Equal("GroupAt_Account", Wire(typeof(GroupAtInfo), nameof(GroupAtInfo.GroupAtAccount)));
    }
}
