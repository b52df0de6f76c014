using Gateway.Core.Http;

namespace Gateway.Core.Tests.Http;

public sealed class ProviderRequestsTests
{
    [Fact]
    public void SetProviderInstance_Instance_IsAlsoThePipelineKey()
    {
        using var request = new HttpRequestMessage();

        request.SetProviderInstance("openim");

        Assert.Equal(("openim", "openim", "openim"), (request.GetProviderInstance(), request.ProviderInstanceOrEmpty(), request.PipelineKeyOrEmpty()));
    }

    [Fact]
    public void SetProviderInstance_SidePipeline_KeysThePipelineButKeepsTheInstance()
    {
        using var request = new HttpRequestMessage();

        request.SetProviderInstance("openim", "auth");

        Assert.Equal(("openim", "openim/auth"), (request.GetProviderInstance(), request.PipelineKeyOrEmpty()));
    }

    [Fact]
    public void PipelineKeyOrEmpty_BareRequest_IsEmpty()
    {
        using var request = new HttpRequestMessage();

        Assert.Equal((string.Empty, string.Empty), (request.ProviderInstanceOrEmpty(), request.PipelineKeyOrEmpty()));
    }

    [Theory]
    [InlineData("openim", "openim", null)]
    [InlineData("openim/auth", "openim", "auth")]
    [InlineData("", "", null)]
    public void ParsePipelineKey_Key_SplitsInstanceAndSidePipeline(string key, string instance, string? pipeline)
    {
        Assert.Equal((instance, pipeline), ProviderRequests.ParsePipelineKey(key));
    }
}
