using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.EndToEnd.Provider;

/// <summary>
/// A deliberately cheap OpenIM v3 on loopback Kestrel (127.0.0.1, random port): <c>POST /auth/get_admin_token</c> and
/// <c>POST /msg/send_msg</c> answer success with precomputed bytes after an optional fixed latency; nothing is
/// validated. Each send is recorded in the current <see cref="ArrivalLog"/> by its message id, taken from the body's
/// <c>ex</c> (the load generator puts the id there) or else from the <c>operationID</c> header (<c>{id}-{16 hex}</c>).
/// </summary>
internal sealed class FakeOpenImServer : IAsyncDisposable
{
    private static readonly byte[] TokenAnswer =
        """{"errCode":0,"errMsg":"","errDlt":"","data":{"token":"t","expireTimeSeconds":7776000}}"""u8.ToArray();

    private static readonly byte[] SendAnswerStart =
        """{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c","sendTime":"""u8.ToArray();

    private static readonly byte[] NotFound = """{"errCode":404,"errMsg":"not found","errDlt":""}"""u8.ToArray();

    private readonly WebApplication _app;
    private ArrivalLog? _log;
    private int _latencyMilliseconds;
    private long _tokenRequests;
    private long _strayRequests;

    private FakeOpenImServer(WebApplication app) => _app = app;

    /// <summary>Gets the base URL, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets how many token requests arrived since start.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Gets how many sends arrived that belong to no current run.</summary>
    public long StrayRequests => Interlocked.Read(ref _strayRequests);

    /// <summary>Starts the server.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<FakeOpenImServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var server = new FakeOpenImServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Starts recording into <paramref name="log"/> and answers sends after <paramref name="latency"/>.</summary>
    /// <param name="log">The run's log.</param>
    /// <param name="latency">The fixed answer latency.</param>
    public void BeginRun(ArrivalLog log, TimeSpan latency)
    {
        Volatile.Write(ref _latencyMilliseconds, (int)latency.TotalMilliseconds);
        Volatile.Write(ref _log, log);
    }

    /// <summary>Stops recording; later sends count as stray.</summary>
    public void EndRun() => Volatile.Write(ref _log, null);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var request = context.Request;
        var response = context.Response;
        response.ContentType = "application/json";
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/msg/send_msg", StringComparison.Ordinal))
        {
            var body = await ReadBodyAsync(request, context.RequestAborted);
            try
            {
                Record(body.Buffer, request.Headers["operationID"], arrived);
            }
            finally
            {
                request.BodyReader.AdvanceTo(body.Buffer.End);
            }

            var latency = Volatile.Read(ref _latencyMilliseconds);
            if (latency > 0)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            WriteSendAnswer(response);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
            return;
        }

        if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/auth/get_admin_token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokenRequests);
            response.ContentLength = TokenAnswer.Length;
            await response.Body.WriteAsync(TokenAnswer, context.RequestAborted);
            return;
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentLength = NotFound.Length;
        await response.Body.WriteAsync(NotFound, context.RequestAborted);
    }

    // Reads until the body is complete (bounded by MaxRequestBodySize, 64 KiB); the caller advances the reader.
    private static async Task<System.IO.Pipelines.ReadResult> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await request.BodyReader.ReadAsync(cancellationToken);
            if (result.IsCompleted || result.IsCanceled)
            {
                return result;
            }

            request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private void Record(ReadOnlySequence<byte> body, string? operationId, long arrived)
    {
        var log = Volatile.Read(ref _log);
        Span<byte> id = stackalloc byte[256];
        var length = FindExtension(body, id);
        if (length < 0 && operationId is { Length: > 17 })
        {
            // {messageId}-{16 hex digits}
            length = Encoding.UTF8.GetBytes(operationId.AsSpan(0, Math.Min(operationId.Length - 17, 80)), id);
        }

        if (log is null || length < 0 || !log.Record(id[..length], arrived))
        {
            Interlocked.Increment(ref _strayRequests);
        }
    }

    // The top-level "ex" string, copied into destination; -1 if absent or too long.
    private static int FindExtension(ReadOnlySequence<byte> body, Span<byte> destination)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return -1;
            }

            // Top-level properties only; objects and arrays (content, offlinePushInfo) are skipped whole.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExtension = reader.ValueTextEquals("ex"u8);
                if (!reader.Read())
                {
                    return -1;
                }

                if (isExtension)
                {
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                    {
                        return -1;
                    }

                    var value = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                    if (value.Length > destination.Length)
                    {
                        return -1;
                    }

                    value.CopyTo(destination);
                    return value.Length;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return -1;
        }

        return -1;
    }

    private static void WriteSendAnswer(HttpResponse response)
    {
        Span<byte> number = stackalloc byte[20];
        TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().TryFormat(number, out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        var length = SendAnswerStart.Length + digits + 2;
        response.ContentLength = length;
        var span = response.BodyWriter.GetSpan(length);
        SendAnswerStart.CopyTo(span);
        number[..digits].CopyTo(span[SendAnswerStart.Length..]);
        "}}"u8.CopyTo(span[(SendAnswerStart.Length + digits)..]);
        response.BodyWriter.Advance(length);
    }
}
