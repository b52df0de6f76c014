using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// Runs a source-generated options validator and puts the dotted key first in its failures. The generator's copy of
/// <c>[Range]</c> ignores <c>ErrorMessage</c> and writes <c>Member: The field name.Key must be between A and B.</c>, which
/// the gateway cannot turn into a configuration key; this makes it <c>name.Key must be between A and B</c>, like every
/// other failure. (Belongs in Core: it applies to every adapter and to Core's own nested options.)
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class KeyFirstValidation<TOptions>(IValidateOptions<TOptions> generated) : IValidateOptions<TOptions>
    where TOptions : class
{
    private const string RangeMarker = ": The field ";

    public IValidateOptions<TOptions> Inner => generated;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = generated.Validate(name, options);
        return result.Failed ? ValidateOptionsResult.Fail(result.Failures.Select(Rewrite)) : result;
    }

    internal static string Rewrite(string failure)
    {
        var marker = failure.IndexOf(RangeMarker, StringComparison.Ordinal);
        return marker < 0 ? failure : failure[(marker + RangeMarker.Length)..].TrimEnd('.');
    }
}
