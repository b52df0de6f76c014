using System.Text.Json.Nodes;

namespace Gateway.Sandbox.Hosting;

/// <summary>One HTTP request an emulator received, exactly as it arrived.</summary>
public sealed record RecordedRequest
{
    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the path, for example <c>/msg/send_msg</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query parameters (first value of each).</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>Gets the request headers (values joined with a comma), keys case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the raw body text.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the HTTP status the emulator answered with (0 when the connection was dropped).</summary>
    public int ResponseStatus { get; internal set; }

    /// <summary>Gets the response body the emulator sent, if any.</summary>
    public string? ResponseBody { get; internal set; }

    /// <summary>Parses <see cref="Body"/> as JSON.</summary>
    /// <returns>The parsed body, or <see langword="null"/> when it is not JSON.</returns>
    public JsonNode? BodyJson()
    {
        try
        {
            return JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
