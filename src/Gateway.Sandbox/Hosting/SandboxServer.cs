using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Sandbox.Hosting;

/// <summary>
/// A provider emulator on Kestrel, bound to 127.0.0.1 on a free port. Records every request in
/// <see cref="Requests"/> and applies <see cref="Faults"/> before the emulated endpoint runs.
/// </summary>
public abstract class SandboxServer : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Gets the record of every request received.</summary>
    public RequestJournal Requests { get; } = new();

    /// <summary>Gets the latency and failures to inject.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>Gets the base address, for example <c>http://127.0.0.1:41234/</c>; set once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening on 127.0.0.1 on a free port.</summary>
    /// <param name="cancellationToken">The token to cancel the start.</param>
    /// <returns>A task that completes when the server accepts requests.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(RecordAndInjectAsync);
        MapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the emulated endpoints.</summary>
    /// <param name="endpoints">The route builder.</param>
    protected abstract void MapEndpoints(IEndpointRouteBuilder endpoints);

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        var recorded = new RecordedRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
        };
        Requests.Add(recorded);

        if (Faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Faults.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        switch (Faults.Take(recorded.Path))
        {
            case DropConnectionFault:
                context.Abort();
                return;
            case RespondFault respond:
                context.Response.StatusCode = respond.Status;
                foreach (var (name, value) in respond.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                recorded.ResponseStatus = respond.Status;
                recorded.ResponseBody = respond.Body;
                if (respond.Body is not null)
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(respond.Body, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            case DelayFault delay:
                await Task.Delay(delay.Duration, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        recorded.ResponseStatus = context.Response.StatusCode;
        recorded.ResponseBody = Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length);
        captured.Position = 0;
        await captured.CopyToAsync(originalBody, context.RequestAborted).ConfigureAwait(false);
    }
}
