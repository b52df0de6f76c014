using System.Net.Http.Json;
using Gateway.Reliability.FakeProvider;

namespace Gateway.Reliability.Processes;

/// <summary>The fake provider as a child process (this executable's <c>fake-provider</c> verb), and its control client.</summary>
internal sealed class FakeProviderProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private FakeProviderProcess(ChildProcess process, Uri address)
    {
        _process = process;
        Address = address;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public static async Task<FakeProviderProcess> StartAsync(string logFile, CancellationToken cancellationToken)
    {
        var self = typeof(FakeProviderProcess).Assembly.Location;
        var process = ChildProcess.Start("dotnet", [self, "fake-provider"], logFile);
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                break;
            }

            var line = File.Exists(logFile)
                ? (await File.ReadAllLinesAsync(logFile, cancellationToken)).FirstOrDefault(l => l.StartsWith(FakeProviderServer.ListeningPrefix, StringComparison.Ordinal))
                : null;
            if (line is not null)
            {
                return new FakeProviderProcess(process, new Uri(line[FakeProviderServer.ListeningPrefix.Length..].Trim()));
            }

            await Task.Delay(200, cancellationToken);
        }

        await process.DisposeAsync();
        throw new InvalidOperationException("the fake provider did not report its port within 60 s; see " + logFile);
    }

    public async Task<long> SetModeAsync(FaultMode mode, CancellationToken cancellationToken, TimeSpan? lateDelay = null)
    {
        var request = new ControlRequest { Mode = FaultModes.Name(mode), LateDelayMs = lateDelay is { } d ? (int)d.TotalMilliseconds : null };
        return await ControlAsync(request, cancellationToken);
    }

    public Task ResetAsync(CancellationToken cancellationToken) =>
        ControlAsync(new ControlRequest { Reset = true, Mode = "normal", LateDelayMs = 12_000 }, cancellationToken);

    public async Task<ProviderStats> StatsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<ProviderStats>(new Uri("/_stats", UriKind.Relative), FakeProviderServer.StatsJson, cancellationToken)
        ?? throw new InvalidOperationException("empty /_stats answer");

    /// <summary>The admin tokens issued and UserSigs seen since the last reset.</summary>
    public async Task<Credentials> CredentialsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<Credentials>(new Uri("/_credentials", UriKind.Relative), FakeProviderServer.StatsJson, cancellationToken)
        ?? throw new InvalidOperationException("empty /_credentials answer");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.StopAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }

    private async Task<long> ControlAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/_control", UriKind.Relative), request, FakeProviderServer.StatsJson, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<ControlAnswer>(FakeProviderServer.StatsJson, cancellationToken);
        return answer?.AtUnixMs ?? 0;
    }

    private sealed record ControlAnswer(string Mode, long AtUnixMs);
}
