namespace Gateway.Core.RateLimiting;

/// <summary>Settings of the rate-limit windows (<c>Gateway:RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    /// <summary>Gets or sets where the windows are counted.</summary>
    /// <value>The default is <see cref="StoreKind.InMemory"/> (one process); use <see cref="StoreKind.Redis"/> so that several workers on one provider app share its quota.</value>
    public StoreKind Store { get; set; } = StoreKind.InMemory;
}
