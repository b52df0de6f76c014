using System.Text.Json.Nodes;
using Gateway.Host.Tests.Support;
using Gateway.Sandbox.TencentIm;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Host.Tests.Cli;

/// <summary><c>render</c> as a user runs it: the real binary, the adapters against in-process emulators, nothing sent.</summary>
public sealed class RenderCommandTests
{
    [Fact]
    public async Task Render_OpenImCommand_PrintsTheExactRequestWithTheTokenMasked()
    {
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

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
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

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
        Assert.DoesNotContain(CliSamples.SampleSecretKey, first.StdOut + first.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ProviderOnlyInEnvironmentVariables_RendersOverTheShippedAppSettings()
    {
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Providers__tencent__Type"] = "TencentIm",
            ["Gateway__Providers__tencent__SdkAppId"] = "1400000000",
            ["Gateway__Providers__tencent__Region"] = "Singapore",
            ["Gateway__Providers__tencent__SecretKey"] = CliSamples.SampleSecretKey,
        };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--show-secrets"], environment);

        Assert.True(exit == 0, stderr);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal("tencent", output["provider"]!.GetValue<string>());
        var url = new Uri(output["requests"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(QueryHelpers.ParseQuery(url.Query)["usersig"].ToString(), 1_400_000_000, "administrator", CliSamples.SampleSecretKey, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Render_BaseUrlFromTheEnvironment_WinsOverTheRegionInTheConfigFile()
    {
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);
        var environment = new Dictionary<string, string> { ["Gateway__Providers__tencent__BaseUrl"] = "http://im-proxy.test:8080/tencent/" };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "tencent"], environment);

        Assert.True(exit == 0, stderr);
        var url = new Uri(JsonNode.Parse(stdout)!["requests"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("http://im-proxy.test:8080/tencent/v4/openim/sendmsg", url.GetLeftPart(UriPartial.Path));
        Assert.DoesNotContain("not both", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_BaseUrlInTheConfigFile_WinsOverTheRegionInAnEarlierFile()
    {
        // appsettings.{DOTNET_ENVIRONMENT}.json next to the binary is the layer under --config.
        var environmentName = "HostTests" + Guid.NewGuid().ToString("N")[..8];
        var earlier = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environmentName}.json");
        await File.WriteAllTextAsync(earlier, $$"""
            { "Gateway": { "Providers": { "tencent": { "Type": "TencentIm", "SdkAppId": 1400000000, "SecretKey": "{{CliSamples.SampleSecretKey}}", "Region": "Singapore" } } } }
            """);
        try
        {
            using var config = HostProcess.WriteTemp("""{ "Gateway": { "Providers": { "tencent": { "BaseUrl": "http://im-proxy.test:8080/" } } } }""");
            using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

            var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = environmentName });

            Assert.True(exit == 0, stderr);
            var url = new Uri(JsonNode.Parse(stdout)!["requests"]![0]!["url"]!.GetValue<string>());
            Assert.Equal("http://im-proxy.test:8080/v4/openim/sendmsg", url.GetLeftPart(UriPartial.Path));
        }
        finally
        {
            File.Delete(earlier);
        }
    }

    [Fact]
    public async Task Render_ShowSecrets_PrintsAUserSigThatVerifies()
    {
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "tencent", "--show-secrets"]);

        Assert.True(exit == 0, stderr);
        var url = new Uri(JsonNode.Parse(stdout)!["requests"]![0]!["url"]!.GetValue<string>());
        var userSig = QueryHelpers.ParseQuery(url.Query)["usersig"].ToString();
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(userSig, 1_400_000_000, "administrator", CliSamples.SampleSecretKey, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Render_InvalidCommand_ExitsTwoListingEveryRule()
    {
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
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
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp("""{ "messageId": "loc", "to": ["a"], "content": { "type": "location", "location": { "description": "x", "latitude": 1, "longitude": 2 } } }""");

        var (exit, _, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path, "--provider", "openim"]);

        Assert.Equal(2, exit);
        Assert.Contains("content.type: 'location' content is not supported by provider 'openim' (OpenIm)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MalformedFile_ExitsTwoNamingTheFile()
    {
        using var config = HostProcess.WriteTemp(CliSamples.RenderConfig);
        using var command = HostProcess.WriteTemp("""{ "messageId": "x", "to": ["a"] "content": """);

        var (exit, _, stderr) = await HostProcess.RunAsync(["render", "--file", command.Path, "--config", config.Path]);

        Assert.Equal(2, exit);
        Assert.Contains($"--file: '{Path.GetFileName(command.Path)}' is not a valid SendMessage JSON document (line 1", stderr, StringComparison.Ordinal);
    }
}
