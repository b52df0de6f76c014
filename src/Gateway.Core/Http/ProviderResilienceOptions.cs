using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Http;

/// <summary>
/// The HTTP pipeline of one provider instance (<c>Resilience</c> in its section), the same shape for every provider:
/// total timeout → retry → (the provider's own strategies) → circuit breaker → attempt timeout, as in Microsoft's
/// standard resilience handler. What counts as transient is the provider's decision; the library supplies the HTTP
/// transient predicates and <c>Retry-After</c> handling.
/// </summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>Gets or sets the timeout of one HTTP attempt; less than <see cref="TotalTimeout"/>.</summary>
    /// <value>The default is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of a call with all its retries and their delays.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the retry settings.</summary>
    [ValidateObjectMembers]
    public ProviderRetryOptions Retry { get; init; } = new();

    /// <summary>Gets the circuit-breaker settings.</summary>
    [ValidateObjectMembers]
    public ProviderCircuitBreakerOptions CircuitBreaker { get; init; } = new();

    /// <summary>Adds the cross-field rules (timeouts, delays, breaker window) to <paramref name="errors"/>, each starting with its dotted key.</summary>
    /// <param name="key">The dotted key of this object, for example <c>openim.Resilience</c>.</param>
    /// <param name="errors">Where failures are added.</param>
    public void Validate(string key, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (AttemptTimeout >= TotalTimeout)
        {
            errors.Add($"{key}.AttemptTimeout must be less than Resilience:TotalTimeout");
        }

        if (Retry.MaxDelay < Retry.BaseDelay)
        {
            errors.Add($"{key}.Retry.MaxDelay must not be less than Resilience:Retry:BaseDelay");
        }

        if (CircuitBreaker.SamplingDuration < AttemptTimeout * 2)
        {
            errors.Add($"{key}.CircuitBreaker.SamplingDuration must be at least twice Resilience:AttemptTimeout");
        }
    }
}
