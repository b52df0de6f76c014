using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// The one fake of the network for unit tests and in-process benchmarks: a primary HTTP handler that records every
/// request (unless <see cref="Record"/> is off) and answers from a responder, so the real client pipeline runs without
/// a socket. Integration tests use the sandbox emulators on loopback Kestrel instead.
/// </summary>
public sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    /// <summary>Initializes a new instance of the <see cref="StubHandler"/> class answering with a responder.</summary>
    /// <param name="respond">Builds the answer to a request.</param>
    public StubHandler(Func<StubRequest, HttpResponseMessage> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _respond = (request, _) => new ValueTask<HttpResponseMessage>(respond(request));
    }

    /// <summary>Initializes a new instance of the <see cref="StubHandler"/> class answering with an asynchronous responder (delays, faults).</summary>
    /// <param name="respond">Builds the answer to a request; may throw to simulate a transport failure.</param>
    public StubHandler(Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        _respond = respond;
    }

    /// <summary>
    /// Gets or sets a value indicating whether requests are recorded. Benchmarks turn it off: the responder then sees
    /// only the method and URI (no headers, no body), so the stub adds almost nothing to what is measured.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Record { get; set; } = true;

    /// <summary>Gets the requests received, in order.</summary>
    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    /// <summary>Creates a JSON answer.</summary>
    /// <param name="json">The body.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The response.</returns>
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) => Json(Encoding.UTF8.GetBytes(json), status);

    /// <summary>Creates a JSON answer from UTF-8 bytes (cache them in benchmarks).</summary>
    /// <param name="json">The body.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The response.</returns>
    public static HttpResponseMessage Json(byte[] json, HttpStatusCode status = HttpStatusCode.OK)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StubRequest captured;
        if (Record)
        {
            captured = await StubRequest.CaptureAsync(request, cancellationToken).ConfigureAwait(false);
            _requests.Enqueue(captured);
        }
        else
        {
            captured = new StubRequest(request.Method, request.RequestUri!, StubRequest.NoHeaders, []);
        }

        var response = await _respond(captured, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        return response;
    }
}
