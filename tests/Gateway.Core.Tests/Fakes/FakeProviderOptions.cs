using System.ComponentModel.DataAnnotations;
using Gateway.Core.Http;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Fakes;

/// <summary>
/// The options of the test provider type <c>Fake</c>, shaped like an adapter's: a required URL, an enum, a secret and
/// the shared retry settings, validated by the source-generated <see cref="FakeProviderOptionsValidator"/>.
/// </summary>
public sealed class FakeProviderOptions
{
    /// <summary>Gets or sets the provider's address.</summary>
    [Required(ErrorMessage = "{0} is required")]
    public string? BaseUrl { get; set; } = "http://fake.example";

    /// <summary>Gets or sets a mode, to provoke conversion errors.</summary>
    public FakeMode Mode { get; set; }

    /// <summary>Gets or sets a secret, which must never reach an error message.</summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets a size whose range message names its unit (which the options source generator drops).</summary>
    [Range(1024, 65_536, ErrorMessage = "{0} must be between {1} and {2} bytes")]
    public int MaxBytes { get; set; } = 4096;

    /// <summary>Gets the retry settings (the shared type, with its own ranges).</summary>
    [ValidateObjectMembers]
    public ProviderRetryOptions Retry { get; init; } = new();
}
