using Gateway.Samples.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.Samples.Tests;

/// <summary>
/// The Python (pika) and Node (amqplib) samples against the real worker process on RabbitMQ with the OpenIM emulator as
/// its provider: what a service in another language does with nothing but an AMQP client and docs/contracts.md.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class SampleClientTests(RabbitMqBroker broker)
{
    private static readonly string TextCommand = RepositoryPaths.Combine("samples/send-text.json");

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task ReplyQueue_AGoodAndABadCommand_PrintMessageSentAndMessageSendFailedNamingTheField(string language)
    {
        var client = await SampleClient.CreateAsync(language);
        await using var openIm = new OpenImEmulator();
        await openIm.StartAsync();
        var virtualHost = await broker.CreateVirtualHostAsync($"samples-reply-{language}");
        var url = SamplesEnvironment.AmqpUrl(broker.Port, virtualHost);
        await using var worker = await Worker.StartAsync(openIm, broker.Port, virtualHost);
        var good = Ids.New("good");
        var bad = Ids.New("bad");
        using var badFile = TempFile.Json($$"""
            { "messageId": "{{bad}}", "to": ["user-42"],
              "content": { "type": "image", "image": { "format": "jpg", "original": { "url": "", "width": 1, "height": 1 } } } }
            """);

        await using var publishGood = await client.PublishAsync(url, TextCommand, "--message-id", good, "--reply-to", "replies");
        await using var publishBad = await client.PublishAsync(url, badFile.Path, "--reply-to", "replies");
        await using var outcomes = client.StartOutcomes(url, "--queue", "replies", "--count", "2", "--timeout", "60");
        await outcomes.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(publishGood.ExitCode == 0, publishGood.Output);
        Assert.True(publishBad.ExitCode == 0, publishBad.Output);
        Assert.True(outcomes.ExitCode == 0, outcomes.Output + "\n" + worker.Process.Output);
        var printed = SampleClient.Outcomes(outcomes);
        Assert.Equal(2, printed.Count);

        var sent = Assert.Single(printed, o => o.Event["messageId"]!.GetValue<string>() == good);
        Assert.Equal("MessageSent", sent.Type);
        Assert.Equal("openim", sent.Event["provider"]!.GetValue<string>());
        var delivery = Assert.Single(sent.Event["deliveries"]!.AsArray())!;
        Assert.Equal("user-42", delivery["recipient"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(delivery["providerMessageKey"]!.GetValue<string>()));

        var failed = Assert.Single(printed, o => o.Event["messageId"]!.GetValue<string>() == bad);
        Assert.Equal("MessageSendFailed", failed.Type);
        Assert.Equal("InvalidMessage", failed.Event["error"]!["code"]!.GetValue<string>());
        Assert.Contains(failed.Event["error"]!["details"]!.AsArray(), d => d!["field"]!.GetValue<string>() == "content.image.original.url");
        Assert.Equal(0, failed.Event["attempts"]!.GetValue<int>());

        // Only the good one reached the provider; the bad one was answered before any network call.
        var message = Assert.Single(openIm.Messages);
        Assert.Equal("user-42", message.RecvId);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task EventExchanges_ListeningBeforeThePublish_PrintTheCommandsOutcome(string language)
    {
        var client = await SampleClient.CreateAsync(language);
        await using var openIm = new OpenImEmulator();
        await openIm.StartAsync();
        var virtualHost = await broker.CreateVirtualHostAsync($"samples-fanout-{language}");
        var url = SamplesEnvironment.AmqpUrl(broker.Port, virtualHost);
        await using var worker = await Worker.StartAsync(openIm, broker.Port, virtualHost);
        var id = Ids.New("fanout");

        // A private queue bound to the four fanout exchanges; filtered to this command.
        await using var outcomes = client.StartOutcomes(url, "--message-id", id, "--count", "1", "--timeout", "60");
        await outcomes.WaitForLineAsync(line => line.Contains("listening on queue", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await using var publish = await client.PublishAsync(url, TextCommand, "--message-id", id);
        await outcomes.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(outcomes.ExitCode == 0, outcomes.Output + "\n" + worker.Process.Output);
        var (type, outcome) = Assert.Single(SampleClient.Outcomes(outcomes));
        Assert.Equal("MessageSent", type);
        Assert.Equal(id, outcome["messageId"]!.GetValue<string>());
        Assert.Contains("Gateway.Core.Contracts:MessageSendFailed", outcomes.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task Publish_ToAQueueThatDoesNotExist_FailsInsteadOfDroppingTheCommand(string language)
    {
        var client = await SampleClient.CreateAsync(language);
        var virtualHost = await broker.CreateVirtualHostAsync($"samples-unroutable-{language}");

        await using var publish = await client.PublishAsync(SamplesEnvironment.AmqpUrl(broker.Port, virtualHost), TextCommand);

        Assert.True(publish.ExitCode == 1, publish.Output);
        Assert.Contains("no queue 'send-message'", publish.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task Outcomes_NothingArrives_StopsAtTheTimeoutWithExitCode1(string language)
    {
        var client = await SampleClient.CreateAsync(language);
        var virtualHost = await broker.CreateVirtualHostAsync($"samples-timeout-{language}");

        await using var outcomes = client.StartOutcomes(SamplesEnvironment.AmqpUrl(broker.Port, virtualHost), "--queue", "nobody-answers", "--timeout", "2");
        await outcomes.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(outcomes.ExitCode == 1, outcomes.Output);
        Assert.Contains("timed out after 2 s with 0 of 1 outcomes", outcomes.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcomes.StdOut);
    }
}
