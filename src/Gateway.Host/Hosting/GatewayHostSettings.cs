namespace Gateway.Host.Hosting;

/// <summary>Where a verb's host reads its configuration from and where its logs go.</summary>
internal sealed record GatewayHostSettings
{
    /// <summary>Gets an extra JSON configuration file (<c>--config</c>), layered over appsettings.json, under environment variables.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets a value indicating whether appsettings.json (next to the binary) is read; the demo and tests leave it out.</summary>
    public bool IncludeAppSettings { get; init; } = true;

    /// <summary>Gets configuration values that win over everything else (the demo and tests use them).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    /// <summary>Gets a value indicating whether logs go to stderr, warnings and worse only, so stdout carries only the verb's output.</summary>
    public bool LogsToStandardError { get; init; }
}
