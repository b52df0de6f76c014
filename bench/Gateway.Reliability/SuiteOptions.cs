using System.Globalization;
using Gateway.Reliability.Scenarios;

namespace Gateway.Reliability;

/// <summary>
/// The command line: <c>[--short|--full|--audit] [--scenario a,b-openim,...] [--messages N] [--rate R] [--no-build] [--repo DIR]</c>.
/// Short (the default; what CI runs): 500 commands, scenarios a, b, e and h-hostile. Full: 5,000 commands, every scenario.
/// </summary>
internal sealed record SuiteOptions
{
    public bool Full { get; init; }

    public int Messages { get; init; }

    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    public bool Build { get; init; } = true;

    /// <summary>Gets a value indicating whether this is the secrets audit: workers at Trace level with /metrics, every output scanned for secrets.</summary>
    public bool Audit { get; init; }

    public string? Repository { get; init; }

    /// <summary>Gets the publishing rate, commands per second.</summary>
    public int Rate { get; init; } = 250;

    /// <summary>Gets the publishing time: <see cref="Rate"/> commands a second, between 2 s and 10 min.</summary>
    public TimeSpan PublishDuration => TimeSpan.FromSeconds(Math.Clamp(Messages / (double)Rate, 2, 600));

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Gateway.Reliability -- [--short|--full|--audit] [--scenario a,b,...] [--messages N] [--rate R] [--no-build] [--repo DIR]
          --short       500 commands per scenario; scenarios a, b, e and h-hostile (the default; what CI runs)
          --full        5000 commands per scenario; every scenario (a–i, including the 10-minute outage)
          --scenario    letters (a) or ids (c-late), comma-separated; overrides the mode's selection
          --messages    commands per scenario (overrides the mode's count)
          --rate        commands published per second (default 250; the fault starts at 40 % of the publishing time)
          --no-build    use the existing artifacts/bin/Gateway.Host/release build
          --audit       the secrets audit: workers log at Trace (JSON console, scopes) and serve /metrics; every log line,
                        outcome event, error-queue message and scrape is searched for the configured secrets and every
                        admin token and UserSig the fake provider issued or saw; scenarios d-openim, d-tencent,
                        c-errcode500, h-hostile at 1000 commands (4 s of publishing, so the credential switch
                        comes while commands flow) unless --scenario / --messages say otherwise
          --list        print the scenarios and exit
        fake provider:  dotnet run -c Release --project bench/Gateway.Reliability -- fake-provider
        """;

    public static bool TryParse(string[] args, out SuiteOptions options, out string? error)
    {
        options = new SuiteOptions { Scenarios = [] };
        error = null;
        var full = false;
        var audit = false;
        int? messages = null;
        var rate = 250;
        string? selection = null;
        var build = true;
        string? repository = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--short":
                    full = false;
                    break;
                case "--full":
                    full = true;
                    break;
                case "--audit":
                    audit = true;
                    break;
                case "--no-build":
                    build = false;
                    break;
                case "--scenario" or "--scenarios" when i + 1 < args.Length:
                    selection = args[++i];
                    break;
                case "--repo" when i + 1 < args.Length:
                    repository = args[++i];
                    break;
                case "--rate" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out rate) || rate is < 1 or > 10_000)
                    {
                        error = "--rate must be a number between 1 and 10000";
                        return false;
                    }

                    break;
                case "--messages" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 10 or > 100_000)
                    {
                        error = "--messages must be a number between 10 and 100000";
                        return false;
                    }

                    messages = n;
                    break;
                default:
                    error = "unknown or incomplete argument: " + args[i];
                    return false;
            }
        }

        IReadOnlyList<Scenario> scenarios;
        if (selection is null && audit)
        {
            scenarios = [.. ScenarioCatalog.All.Where(s => AuditScenarios.Contains(s.Id))];
        }
        else if (selection is null)
        {
            scenarios = full ? ScenarioCatalog.All : [.. ScenarioCatalog.All.Where(s => (s.Short || ScenarioCatalog.ShortGroups.Contains(s.Group)) && !s.FullOnly)];
        }
        else
        {
            var names = selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => !ScenarioCatalog.All.Any(s => Matches(s, n))).ToArray();
            if (unknown.Length > 0)
            {
                error = "unknown scenario: " + string.Join(", ", unknown) + " (--list shows them)";
                return false;
            }

            scenarios = [.. ScenarioCatalog.All.Where(s => names.Any(n => Matches(s, n)))];
        }

        options = new SuiteOptions { Full = full, Audit = audit, Messages = messages ?? (audit ? 1000 : full ? 5000 : 500), Scenarios = scenarios, Build = build, Repository = repository, Rate = rate };
        return true;
    }

    /// <summary>What <c>--audit</c> runs: token refresh, UserSig renewal, provider errors with retries, and hostile input.</summary>
    private static readonly string[] AuditScenarios = ["d-openim", "d-tencent", "c-errcode500", "h-hostile"];

    private static bool Matches(Scenario scenario, string name) =>
        name.Length == 1 ? scenario.Group == char.ToLowerInvariant(name[0]) : string.Equals(scenario.Id, name, StringComparison.OrdinalIgnoreCase);
}
