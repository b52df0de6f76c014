using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Host.Rendering;

/// <summary>
/// Turns captured requests into <c>render</c>'s output: auth-token requests left out, secrets masked as <c>***</c>
/// (OpenIM <c>token</c> header, Tencent <c>usersig</c> query value) unless shown on purpose.
/// </summary>
internal static class RenderedRequests
{
    public const string Mask = "***";

    private static readonly string[] SecretHeaders = ["token"];
    private static readonly string[] SecretQueryParameters = ["usersig"];

    public static bool IsAuthRequest(CapturedRequest request) =>
        request.Url.AbsolutePath.EndsWith("/auth/get_admin_token", StringComparison.Ordinal)
        || request.Url.AbsolutePath.EndsWith("/auth/user_token", StringComparison.Ordinal);

    public static JsonObject ToJson(string provider, string type, IEnumerable<CapturedRequest> requests, bool showSecrets)
    {
        var rendered = new JsonArray();
        foreach (var request in requests.Where(r => !IsAuthRequest(r)))
        {
            var headers = new JsonObject();
            foreach (var (name, value) in request.Headers)
            {
                headers[name] = !showSecrets && SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Mask : value;
            }

            rendered.Add(new JsonObject
            {
                ["method"] = request.Method,
                ["url"] = showSecrets ? request.Url.ToString() : MaskQuery(request.Url),
                ["headers"] = headers,
                ["body"] = ParseBody(request.Body),
            });
        }

        return new JsonObject { ["provider"] = provider, ["type"] = type, ["requests"] = rendered };
    }

    private static string MaskQuery(Uri url)
    {
        if (string.IsNullOrEmpty(url.Query))
        {
            return url.ToString();
        }

        var parts = QueryHelpers.ParseQuery(url.Query)
            .Select(p => $"{p.Key}={(SecretQueryParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase) ? Mask : p.Value.ToString())}");
        return $"{url.GetLeftPart(UriPartial.Path)}?{string.Join('&', parts)}";
    }

    private static JsonNode? ParseBody(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
