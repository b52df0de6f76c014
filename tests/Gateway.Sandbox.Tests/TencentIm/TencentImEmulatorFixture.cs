using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

/// <summary>Raw HTTP against a started emulator, the way any Tencent REST client calls it.</summary>
internal sealed class TencentImEmulatorFixture : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private TencentImEmulatorFixture(TencentImEmulator emulator) => Emulator = emulator;

    public TencentImEmulator Emulator { get; }

    public static async Task<TencentImEmulatorFixture> StartAsync(Action<TencentImEmulatorOptions>? configure = null)
    {
        var options = new TencentImEmulatorOptions();
        configure?.Invoke(options);
        var emulator = new TencentImEmulator(options);
        await emulator.StartAsync();
        return new TencentImEmulatorFixture(emulator);
    }

    public static string Text(string text = "hello") => $$$"""{"MsgType":"TIMTextElem","MsgContent":{"Text":"{{{text}}}"}}""";

    public Task<JsonObject> PostAsync(string path, string body) => PostAsync(Emulator.BuildUrl(path), body);

    public async Task<JsonObject> PostAsync(Uri url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(url, content);
        Assert.Equal(200, (int)response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public Task<JsonObject> SendMsgAsync(string to = "alice", uint seq = 1, uint random = 1, string? text = null, string? from = null)
    {
        var sender = from is null ? string.Empty : $"\"From_Account\":\"{from}\",";
        return PostAsync(TencentImEmulator.SendMsgPath, "{" + sender + $$"""
            "To_Account":"{{to}}","MsgSeq":{{seq}},"MsgRandom":{{random}},"MsgBody":[{{Text(text ?? "hello")}}]}
            """);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal static class TencentImAnswers
{
    public static int Code(this JsonObject answer) => answer["ErrorCode"]!.GetValue<int>();

    public static string Status(this JsonObject answer) => answer["ActionStatus"]!.GetValue<string>();
}
