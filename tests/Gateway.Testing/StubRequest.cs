using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Testing;

/// <summary>One request a <see cref="StubHandler"/> received, as it went over the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full URI, query included.</param>
/// <param name="Headers">The request and content headers.</param>
/// <param name="Body">The body bytes.</param>
public sealed record StubRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    internal static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>Gets the body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Gets the body parsed as JSON.</summary>
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>Gets the path, without the query.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>Gets a query parameter's value, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The unescaped value.</returns>
    public string? Query(string name)
    {
        foreach (var part in Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(part[..equals]) == name)
            {
                return Uri.UnescapeDataString(part[(equals + 1)..]);
            }
        }

        return null;
    }

    internal static async Task<StubRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = request.Headers;
        if (request.Content is not null)
        {
            all = all.Concat(request.Content.Headers);
        }

        foreach (var (name, values) in all)
        {
            headers[name] = string.Join(", ", values);
        }

        return new StubRequest(request.Method, request.RequestUri!, headers, body);
    }
}
