using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Core.Routing;

namespace Gateway.Core;

/// <summary>Settings of the gateway (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Gateway";

    /// <summary>Gets or sets the provider instance used when a message names none.</summary>
    /// <value>Required when more than one instance is configured; with exactly one, that one is the default.</value>
    public string? DefaultProvider { get; set; }

    /// <summary>Gets the provider instances by name (<c>Gateway:Providers:&lt;name&gt;</c>); names are case-insensitive.</summary>
    public Dictionary<string, ProviderInstanceOptions> Providers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the most recipients one <c>SendMessage</c> may address.</summary>
    /// <value>The default is 10 000.</value>
    public int MaxRecipients { get; set; } = 10_000;

    /// <summary>Gets the settings of the idempotency record.</summary>
    public IdempotencyOptions Idempotency { get; } = new();

    /// <summary>Gets the settings of the rate-limit windows.</summary>
    public RateLimitingOptions RateLimiting { get; } = new();

    /// <summary>Gets the values of the section the binder could not convert, each as a key-first message (reported at startup).</summary>
    internal List<string> BindingErrors { get; } = [];
}
