using System.Text.Json.Nodes;
using Gateway.Host.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Host.Tests.Cli;

/// <summary>The verbs as a user runs them: the real binary, real files, exit codes and printed output.</summary>
public class CommandLineTests
{
    private const string SampleSecretKey = TencentImEmulatorOptions.SampleSecretKey;

    private static readonly string RenderConfig = $$"""
        {
          "Gateway": {
            "DefaultProvider": "openim",
            "Providers": {
              "openim": { "Type": "OpenIm", "BaseUrl": "http://openim.test:10002", "AdminUserId": "imAdmin", "Secret": "render-secret", "ApiVersion": "V3" },
              "tencent": { "Type": "TencentIm", "SdkAppId": 1400000000, "AdminIdentifier": "administrator", "SecretKey": "{{SampleSecretKey}}", "Region": "Singapore" }
            }
          }
        }
        """;

    private const string TextCommand = """
        { "messageId": "order-1001-shipped", "to": ["user-42"], "content": { "type": "text", "text": { "text": "Your order 1001 has shipped." } } }
        """;

    [Fact]
    public async Task Render_OpenImCommand_PrintsTheExactRequestWithTheTokenMasked()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp(TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path]);

        Assert.True(exit == 0, stderr);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal(("openim", "OpenIm"), (output["provider"]!.GetValue<string>(), output["type"]!.GetValue<string>()));
        var request = Assert.Single(output["requests"]!.AsArray())!;
        Assert.Equal(("POST", "http://openim.test:10002/msg/send_msg"), (request["method"]!.GetValue<string>(), request["url"]!.GetValue<string>()));
        Assert.Equal("***", request["headers"]!["token"]!.GetValue<string>());
        Assert.StartsWith("order-1001-shipped", request["headers"]!["operationID"]!.GetValue<string>(), StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {"sendID":"imAdmin","recvID":"user-42","senderPlatformID":10,"content":{"content":"Your order 1001 has shipped."},"contentType":101,"sessionType":1}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request["body"]), request["body"]!.ToJsonString());
        Assert.DoesNotContain("render-secret", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TencentCommand_PrintsTheSignedUrlMaskedAndTheSameBodyEveryTime()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp(TextCommand);

        var first = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "tencent"]);
        var second = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "tencent"]);

        Assert.True(first.ExitCode == 0, first.StdErr);
        var request = Assert.Single(JsonNode.Parse(first.StdOut)!["requests"]!.AsArray())!;
        var url = new Uri(request["url"]!.GetValue<string>());
        Assert.Equal("https://adminapisgp.im.qcloud.com/v4/openim/sendmsg", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(("1400000000", "administrator", "***", "json"), (query["sdkappid"].ToString(), query["identifier"].ToString(), query["usersig"].ToString(), query["contenttype"].ToString()));
        Assert.True(uint.TryParse(query["random"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var body = request["body"]!.AsObject();
        Assert.Equal("""[{"MsgType":"TIMTextElem","MsgContent":{"Text":"Your order 1001 has shipped."}}]""", body["MsgBody"]!.ToJsonString());
        Assert.Equal("user-42", body["To_Account"]!.GetValue<string>());
        // MsgSeq and MsgRandom come from the messageId: another process renders the same body (Tencent's dedup key).
        var again = JsonNode.Parse(second.StdOut)!["requests"]![0]!["body"];
        Assert.True(JsonNode.DeepEquals(body, again), $"{body.ToJsonString()} != {again?.ToJsonString()}");
        Assert.DoesNotContain(SampleSecretKey, first.StdOut + first.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_SecretsFromEnvironmentVariables_OverrideTheShippedEmptyOnes()
    {
        using var command = HostProcess.WriteTemp(TextCommand);
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Providers__openim__Secret"] = "from-the-environment",
            ["Gateway__Providers__tencent__SecretKey"] = SampleSecretKey,
        };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--provider", "tencent", "--show-secrets"], environment);

        Assert.True(exit == 0, stderr);
        var url = new Uri(JsonNode.Parse(stdout)!["requests"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(QueryHelpers.ParseQuery(url.Query)["usersig"].ToString(), 1_400_000_000, "administrator", SampleSecretKey, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Render_ShowSecrets_PrintsAUserSigThatVerifies()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp(TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "tencent", "--show-secrets"]);

        Assert.True(exit == 0, stderr);
        var url = new Uri(JsonNode.Parse(stdout)!["requests"]![0]!["url"]!.GetValue<string>());
        var userSig = QueryHelpers.ParseQuery(url.Query)["usersig"].ToString();
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(userSig, 1_400_000_000, "administrator", SampleSecretKey, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Render_InvalidCommand_ExitsTwoListingEveryRule()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp("""{ "messageId": "bad", "to": ["a", "a"], "content": { "type": "sound", "sound": { "url": "", "durationSeconds": 0 } } }""");

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("to: must not list a recipient twice [Gateway.Distinct]", stderr, StringComparison.Ordinal);
        Assert.Contains("content.sound.url: is required and must not be empty [Gateway.Required]", stderr, StringComparison.Ordinal);
        Assert.Contains("content.sound.durationSeconds: must be at least 1 [Gateway.Range]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ContentTheProviderCannotSend_ExitsTwoNamingProviderAndField()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp("""{ "messageId": "loc", "to": ["a"], "content": { "type": "location", "location": { "description": "x", "latitude": 1, "longitude": 2 } } }""");

        var (exit, _, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "openim"]);

        Assert.Equal(2, exit);
        Assert.Contains("content.type: 'location' content is not supported by provider 'openim' (OpenIm)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MalformedFile_ExitsTwoNamingTheFile()
    {
        using var config = HostProcess.WriteTemp(RenderConfig);
        using var command = HostProcess.WriteTemp("""{ "messageId": "x", "to": ["a"] "content": """);

        var (exit, _, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path]);

        Assert.Equal(2, exit);
        Assert.Contains($"--file: '{Path.GetFileName(command.Path)}' is not a valid SendMessage JSON document (line 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendDirect_ToTheEmulator_PrintsMessageSentAndExitsZero()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp(TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path, "--direct"]);

        Assert.True(exit == 0, stderr);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal("MessageSent", output["event"]!.GetValue<string>());
        Assert.Equal(Assert.Single(emulator.Messages).ClientMsgId, output["outcome"]!["deliveries"]![0]!["providerMessageKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_ThroughTheInMemoryBus_PrintsMessageSentAndExitsZero()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp(TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path]);

        Assert.True(exit == 0, stderr);
        Assert.Equal("MessageSent", JsonNode.Parse(stdout)!["event"]!.GetValue<string>());
        Assert.Equal("user-42", Assert.Single(emulator.Messages).RecvId);
    }

    [Fact]
    public async Task SendDirect_InvalidCommand_PrintsMessageSendFailedAndExitsOne()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp("""{ "messageId": "m", "groupId": "g", "content": { "type": "notification", "notification": { "title": "t", "text": "x", "type": 1 } } }""");

        var (exit, stdout, _) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path, "--direct"]);

        Assert.Equal(1, exit);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal(("MessageSendFailed", "InvalidMessage"), (output["event"]!.GetValue<string>(), output["outcome"]!["error"]!["code"]!.GetValue<string>()));
        Assert.Equal(0, emulator.Requests.Count);
    }

    [Fact]
    public async Task Demo_EmbeddedDefault_EveryOutcomeAsExpectedAndExitsZero()
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(["demo"]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Every outcome is the expected one.", stdout, StringComparison.Ordinal);
        foreach (var id in new[] { "demo-text", "demo-batch", "demo-mention", "demo-image", "demo-sound", "demo-video", "demo-file", "demo-location", "demo-face", "demo-custom", "demo-notification", "demo-group-tencent", "demo-swap-openim", "demo-swap-tencent", "demo-invalid", "demo-revoke" })
        {
            Assert.Contains(id, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("POST /msg/batch_send_msg -> 200 errCode 0", stdout, StringComparison.Ordinal);
        Assert.Contains("POST /v4/openim/admin_msgwithdraw -> 200 ErrorCode 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("usersig=", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SampleSecretKey, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenImEmulatorOptions.DefaultV3Secret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ShippedAppSettingsWithoutSecrets_ExitsThreeNamingTheKeys()
    {
        var (exit, _, stderr) = await HostProcess.RunAsync(["run"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.Contains("Configuration error:", stderr, StringComparison.Ordinal);
        Assert.Contains("Gateway:Providers:openim:Secret", stderr, StringComparison.Ordinal);
        Assert.Contains("Gateway:Providers:tencent:SecretKey", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "Run the worker")]
    [InlineData("demo", "Run the whole pipeline offline")]
    [InlineData("send", "--direct")]
    [InlineData("render", "--show-secrets")]
    public async Task Help_EachVerb_ExplainsItself(string verb, string expected)
    {
        var (exit, stdout, _) = await HostProcess.RunAsync([verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }

    private static string OpenImOnly(OpenImEmulator emulator, string transport) => $$"""
        {
          "Messaging": { "Transport": "{{transport}}" },
          "Gateway": {
            "DefaultProvider": "openim",
            "Providers": {
              "openim": { "Type": "OpenIm", "BaseUrl": "{{emulator.BaseAddress}}", "AdminUserId": "imAdmin", "Secret": "{{emulator.Secret}}" },
              "tencent": { "Type": "TencentIm", "SdkAppId": 1400000000, "SecretKey": "{{SampleSecretKey}}", "Region": "Singapore" }
            }
          }
        }
        """;
}
