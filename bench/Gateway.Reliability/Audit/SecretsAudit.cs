using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Reliability.Bus;

namespace Gateway.Reliability.Audit;

/// <summary>
/// The secrets audit of a scenario run: every configured secret, every admin token the fake provider issued and every
/// UserSig it was shown, searched for in every line of every worker log, every outcome event and error-queue message
/// (body and headers) and every <c>/metrics</c> scrape. A finding names the secret's kind and where it was, never the
/// secret. Each secret is searched as it is, URL-encoded and JSON-escaped.
/// </summary>
internal sealed class SecretsAudit
{
    private readonly List<(string Name, string[] Forms)> _secrets = [];
    private readonly List<string> _findings = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public int SecretCount => _secrets.Count;

    public int LinesScanned { get; private set; }

    public int MessagesScanned { get; private set; }

    public int ScrapesScanned { get; private set; }

    /// <summary>Gets where secrets were found: "admin token #2 in worker-0.log line 812".</summary>
    public IReadOnlyList<string> Findings => _findings;

    /// <summary>Adds a secret; <paramref name="name"/> says what it is (it is what a finding prints).</summary>
    public void Add(string name, string secret)
    {
        if (string.IsNullOrEmpty(secret) || _secrets.Any(s => s.Forms[0] == secret))
        {
            return;
        }

        string[] forms = [secret, Uri.EscapeDataString(secret), JsonEncodedText.Encode(secret, JavaScriptEncoder.Default).ToString()];
        _secrets.Add((name, [.. forms.Distinct(StringComparer.Ordinal)]));
    }

    /// <summary>Scans a log file line by line.</summary>
    public void ScanFile(string file, string location)
    {
        if (!File.Exists(file))
        {
            return;
        }

        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            LinesScanned++;
            Scan(line, string.Create(CultureInfo.InvariantCulture, $"{location} line {number}"));
        }
    }

    /// <summary>Scans a broker message: its properties, each header, and its body.</summary>
    public void ScanRecord(BrokerRecord record, string location)
    {
        MessagesScanned++;
        var where = string.Create(CultureInfo.InvariantCulture, $"{location} message {record.Sequence}");
        Scan(record.MessageId ?? string.Empty, where + " message_id");
        Scan(record.Type ?? string.Empty, where + " type");
        foreach (var (name, value) in record.Headers)
        {
            Scan(name + "=" + value, $"{where} header {name}");
        }

        Scan(Encoding.UTF8.GetString(record.Body.Span), where + " body");
    }

    public void ScanScrape(string text, string location)
    {
        ScrapesScanned++;
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            Scan(line, string.Create(CultureInfo.InvariantCulture, $"{location} line {number}"));
        }
    }

    private void Scan(string text, string location)
    {
        if (text.Length == 0)
        {
            return;
        }

        foreach (var (name, forms) in _secrets)
        {
            if (forms.Any(f => text.Contains(f, StringComparison.Ordinal)) && _reported.Add(name + "@" + location))
            {
                _findings.Add($"{name} in {location}");
            }
        }
    }
}
