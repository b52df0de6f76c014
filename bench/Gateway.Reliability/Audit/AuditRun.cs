using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Reliability.Bus;
using Gateway.Reliability.FakeProvider;
using Gateway.Reliability.Processes;

namespace Gateway.Reliability.Audit;

/// <summary>The secrets audit's part of a scenario run (<c>--audit</c>): a diagnostics port per worker, the scrapes, the scan.</summary>
internal static class AuditRun
{
    /// <summary>A free loopback port (the listener is closed again; the worker binds it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The worker's <c>/metrics</c> in Prometheus text, or null (with the reason logged) when it does not answer.</summary>
    public static async Task<string?> ScrapeAsync(int port, ScenarioLog log, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return await http.GetStringAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/metrics")), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            log.Write(string.Create(CultureInfo.InvariantCulture, $"  /metrics on port {port} did not answer: {exception.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Scans everything the workers wrote out for the secrets, and adds the findings (locations only) to
    /// <paramref name="failures"/>. The worker's generated configuration holds the configured secrets, so it is scanned
    /// first as the control: if they are not found there, the scan itself is broken.
    /// </summary>
    public static void Scan(
        Credentials credentials,
        string configFile,
        IReadOnlyList<GatewayWorker> workers,
        BrokerMonitor monitor,
        IReadOnlyDictionary<int, string> scrapes,
        string directory,
        List<string> failures,
        List<string> notes)
    {
        var audit = new SecretsAudit();
        audit.Add("the OpenIM Secret", GatewayConfiguration.OpenImSecret);
        audit.Add("the Tencent SecretKey", GatewayConfiguration.TencentSecretKey);
        for (var i = 0; i < credentials.AdminTokens.Count; i++)
        {
            audit.Add(string.Create(CultureInfo.InvariantCulture, $"admin token #{i + 1}"), credentials.AdminTokens[i]);
        }

        for (var i = 0; i < credentials.UserSigs.Count; i++)
        {
            audit.Add(string.Create(CultureInfo.InvariantCulture, $"UserSig #{i + 1}"), credentials.UserSigs[i]);
        }

        var control = new SecretsAudit();
        control.Add("the OpenIM Secret", GatewayConfiguration.OpenImSecret);
        control.Add("the Tencent SecretKey", GatewayConfiguration.TencentSecretKey);
        control.ScanFile(configFile, "the configuration");
        if (control.Findings.Count < 2)
        {
            failures.Add("secrets audit: the control failed (the configured secrets were not found in the workers' own configuration file), so the scan cannot be trusted");
        }

        var relative = (string path) => Path.GetRelativePath(directory, path);
        foreach (var worker in workers)
        {
            audit.ScanFile(worker.LogFile, relative(worker.LogFile));

            // The other control: the workers really logged below Information (JSON console lines carry the level).
            if (File.Exists(worker.LogFile) && !File.ReadLines(worker.LogFile).Any(l => l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Trace\"", StringComparison.Ordinal)))
            {
                failures.Add($"secrets audit: {relative(worker.LogFile)} has no Debug or Trace line, so the Trace configuration did not take effect");
            }
        }

        foreach (var record in monitor.ErrorRecords)
        {
            audit.ScanRecord(record, "send-message_error");
        }

        foreach (var record in monitor.OutcomeRecords)
        {
            audit.ScanRecord(record, "outcome event (" + record.Exchange + ")");
        }

        foreach (var (index, scrape) in scrapes)
        {
            audit.ScanScrape(scrape, string.Create(CultureInfo.InvariantCulture, $"/metrics of worker {index}"));
        }

        if (scrapes.Count < workers.Count)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"secrets audit: only {scrapes.Count} of {workers.Count} workers answered /metrics"));
        }

        foreach (var finding in audit.Findings.Take(20))
        {
            failures.Add("secrets audit: " + finding);
        }

        if (audit.Findings.Count > 20)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"secrets audit: and {audit.Findings.Count - 20} more findings"));
        }

        notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"secrets audit: {audit.SecretCount} secrets (2 configured, {credentials.AdminTokens.Count} admin tokens issued, {credentials.UserSigs.Count} UserSigs seen) searched in {audit.LinesScanned} log lines of {workers.Count} worker(s), {audit.MessagesScanned} broker messages (error queue and outcome events, headers and bodies) and {audit.ScrapesScanned} /metrics scrapes: {(audit.Findings.Count == 0 ? "none found" : audit.Findings.Count + " found")}"));
    }
}
