using System.Collections.Concurrent;
using System.Text;
using Gateway.Core.Http;

namespace Gateway.Host.Rendering;

/// <summary>
/// The primary HTTP handler of <c>render</c>: records each request exactly as the adapters put it on the wire (real URL,
/// headers, body), then forwards it to the instance's emulator and returns the emulator's answer.
/// </summary>
internal sealed class RenderTransport : DelegatingHandler
{
    private readonly RenderEmulators _emulators;
    private readonly ConcurrentQueue<CapturedRequest> _captured;

    public RenderTransport(RenderEmulators emulators, ConcurrentQueue<CapturedRequest> captured)
        : base(new SocketsHttpHandler())
    {
        _emulators = emulators;
        _captured = captured;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var body = request.Content is null ? string.Empty : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)))
            .ToList();
        _captured.Enqueue(new CapturedRequest(request.Method.Method, url, headers, body));
        request.RequestUri = _emulators.Redirect(request.GetProviderInstance(), url);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = url;
        }
    }
}
