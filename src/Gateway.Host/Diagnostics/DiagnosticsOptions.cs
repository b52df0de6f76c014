namespace Gateway.Host.Diagnostics;

/// <summary>The optional health and metrics listener (configuration section <c>Diagnostics</c>); off unless a port is set.</summary>
internal sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>Gets or sets the port of the listener; <see langword="null"/> (default) keeps it off.</summary>
    public int? Port { get; set; }

    /// <summary>Gets or sets the address to bind; <c>0.0.0.0</c> (default) for all interfaces, <c>127.0.0.1</c> for local only.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";
}
