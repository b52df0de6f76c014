using System.Text.RegularExpressions;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// Rewrites the configuration binder's conversion error into the gateway's key-first form, without the value (the
/// binder quotes the value, which must not reach logs if someone pasted a secret into the wrong key).
/// </summary>
internal static partial class BindingErrors
{
    public static string Describe(InvalidOperationException exception, string configurationPath)
    {
        var match = ConversionError().Match(exception.Message);
        if (!match.Success)
        {
            return $"{configurationPath} could not be bound ({exception.GetType().Name})";
        }

        var key = match.Groups["key"].Value;
        var fullKey = key.StartsWith(configurationPath + ":", StringComparison.OrdinalIgnoreCase) ? key : configurationPath + ":" + key;
        var type = match.Groups["type"].Value;
        var expected = type[(type.LastIndexOf('.') + 1)..] switch
        {
            nameof(OpenImApiVersion) => "V3, V3UserToken or V2",
            nameof(OpenImDeliveryMode) => "Batch or PerRecipient",
            nameof(TimeSpan) => "a time span such as 00:00:10",
            nameof(Int32) => "a whole number",
            nameof(Double) => "a number",
            nameof(Boolean) => "true or false",
            var other => "a " + other,
        };
        return $"{fullKey} must be {expected}";
    }

    [GeneratedRegex("at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConversionError();
}
