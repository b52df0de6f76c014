using Gateway.Core.Contracts;

namespace Gateway.TencentIm.Tests.Http;

public sealed class SmokeTests
{
    [Fact]
    public async Task SendAsync_OneRecipient_Delivers()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var outcome = await host.Gateway.SendAsync(new SendMessage { MessageId = "m1", To = ["alice"], Content = MessageContent.FromText("hi") });
        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Single(host.Emulator.Messages);
    }
}
