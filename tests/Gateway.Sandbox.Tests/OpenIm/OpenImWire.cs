using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Sandbox.OpenIm;

namespace Gateway.Sandbox.Tests.OpenIm;

/// <summary>Raw HTTP against an emulator, the way any OpenIM client would talk to it.</summary>
internal sealed class OpenImWire(OpenImEmulator emulator) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = emulator.BaseAddress };

    public async Task<Answer> PostAsync(string path, string? body, string? operationId = "op-1", string? token = null, string method = "POST")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (operationId is not null)
        {
            request.Headers.TryAddWithoutValidation("operationID", operationId);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("token", token);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new Answer((int)response.StatusCode, json, text, response.Headers);
    }

    public async Task<string> AdminTokenAsync(string userId = "imAdmin")
    {
        var answer = emulator.Generation == OpenImServerGeneration.V2
            ? await PostAsync(OpenImRoutes.UserToken, $$"""{"secret":"{{emulator.Secret}}","platform":8,"userID":"{{userId}}","operationID":"op"}""", operationId: null)
            : emulator.Generation == OpenImServerGeneration.V3UserToken
                ? await PostAsync(OpenImRoutes.UserToken, $$"""{"secret":"{{emulator.Secret}}","platformID":10,"userID":"{{userId}}"}""")
                : await PostAsync(OpenImRoutes.GetAdminToken, $$"""{"secret":"{{emulator.Secret}}","userID":"{{userId}}"}""");
        Assert.Equal(0, answer.ErrCode);
        return answer.Json!["data"]!["token"]!.GetValue<string>();
    }

    public void Dispose() => _client.Dispose();

    internal sealed record Answer(int Status, JsonNode? Json, string Text, HttpResponseHeaders Headers)
    {
        public int? ErrCode => Json?["errCode"]?.GetValue<int>();

        public string? ErrMsg => Json?["errMsg"]?.GetValue<string>();

        public string? ErrDlt => Json?["errDlt"]?.GetValue<string>();

        public JsonNode? Data => Json?["data"];
    }
}
