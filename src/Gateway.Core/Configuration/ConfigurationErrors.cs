using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Configuration;

/// <summary>
/// Turns options failures into the gateway's key-first messages (<c>Gateway:Providers:openim:BaseUrl is required</c>).
/// Values are never repeated: the configuration binder quotes the value it could not convert, and a secret pasted into
/// the wrong key must not reach the log.
/// </summary>
internal static partial class ConfigurationErrors
{
    /// <summary>Reads one named instance's options and lists what is wrong with them, each naming its full key.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="monitor">The options monitor (binding and validation run inside <c>Get</c>).</param>
    /// <param name="name">The instance name.</param>
    /// <param name="path">The instance's configuration path.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public static IReadOnlyList<string> Check<TOptions>(IOptionsMonitor<TOptions> monitor, string name, string path)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(monitor);
        try
        {
            _ = monitor.Get(name);
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures.Select(failure => Validation(failure, name, path, typeof(TOptions)))];
        }
        catch (InvalidOperationException exception)
        {
            return [Binding(exception, typeof(TOptions), path)];
        }
    }

    /// <summary>Lists the keys of earlier releases that an instance's section still sets, each with its new name.</summary>
    /// <param name="configuration">The gateway's configuration.</param>
    /// <param name="instance">The instance.</param>
    /// <param name="renamed">Old relative keys and their new names.</param>
    /// <returns>One message per old key found.</returns>
    public static IEnumerable<string> Renamed(GatewayConfiguration configuration, Routing.ProviderInstance instance, IReadOnlyDictionary<string, string> renamed)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(renamed);
        if (configuration.Section is not { } section)
        {
            yield break;
        }

        var settings = section.GetSection("Providers:" + instance.Name);
        foreach (var (old, now) in renamed)
        {
            if (settings.GetSection(old).Exists())
            {
                yield return now.Length == 0
                    ? $"{instance.ConfigurationPath}:{old} is no longer a setting; remove it (see docs/configuration.md, renamed keys)"
                    : $"{instance.ConfigurationPath}:{old} was renamed to {instance.ConfigurationPath}:{now}";
            }
        }
    }

    /// <summary>
    /// Rewrites a validation failure. Validators write the key as a dotted path starting with the options name
    /// (<c>openim.Resilience.AttemptTimeout must ...</c>; the source-generated ones put <c>Member: </c> in front);
    /// it becomes the configuration key (<c>Gateway:Providers:openim:Resilience:AttemptTimeout must ...</c>).
    /// The generator's copy of <c>[Range]</c> ignores the attribute's <c>ErrorMessage</c> and writes DataAnnotations' default
    /// text (<c>The field openim.BatchSize must be between 1 and 10000.</c>, dotnet/runtime#123137); when
    /// <paramref name="optionsType"/> is given, the attribute's own message is used instead, formatted as DataAnnotations
    /// would (<c>{0}</c> the key, <c>{1}</c> and <c>{2}</c> the bounds), so a unit or a reason it adds is kept.
    /// </summary>
    public static string Validation(string failure, string name, string path, Type? optionsType = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var prefix = name + ".";
        var generatedRange = false;
        int start;
        if (failure.StartsWith(prefix, StringComparison.Ordinal))
        {
            start = 0;
        }
        else if (failure.IndexOf("The field " + prefix, StringComparison.Ordinal) is >= 0 and var field)
        {
            // DataAnnotations' default message, which the options validator generator uses for [Range] whatever its ErrorMessage.
            start = field + "The field ".Length;
            generatedRange = true;
        }
        else
        {
            var member = failure.IndexOf(": " + prefix, StringComparison.Ordinal);
            if (member < 0)
            {
                return $"{path}: {failure}";
            }

            start = member + 2;
        }

        var keyEnd = failure.IndexOf(' ', start);
        var dotted = keyEnd < 0 ? failure[(start + prefix.Length)..] : failure[(start + prefix.Length)..keyEnd];
        var key = $"{path}:{dotted.Replace('.', ':')}";
        if (generatedRange && RangeMessage(optionsType, dotted, key) is { } own)
        {
            return own;
        }

        var rest = keyEnd < 0 ? string.Empty : failure[keyEnd..].TrimEnd('.');
        return key + rest;
    }

    /// <summary>Formats the <c>ErrorMessage</c> of the <c>[Range]</c> on the property a dotted key names, if it has one.</summary>
    private static string? RangeMessage(Type? optionsType, string dotted, string key)
    {
        PropertyInfo? property = null;
        var current = optionsType;
        foreach (var part in dotted.Split('.'))
        {
            property = current?.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            current = property?.PropertyType;
        }

        return property?.GetCustomAttribute<RangeAttribute>() is { ErrorMessage: { Length: > 0 } message } range
            ? string.Format(CultureInfo.InvariantCulture, message, key, range.Minimum, range.Maximum).TrimEnd('.')
            : null;
    }

    /// <summary>Rewrites a binder conversion error without the value, saying what the key expects.</summary>
    public static string Binding(InvalidOperationException exception, Type optionsType, string path)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = ConversionError().Match(exception.Message);
        if (!match.Success)
        {
            return $"{path} could not be bound ({exception.GetType().Name})";
        }

        var key = match.Groups["key"].Value;
        var relative = key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase) ? key[(path.Length + 1)..] : key;
        return $"{path}:{relative} must be {Expected(PropertyType(optionsType, relative))}";
    }

    private static Type? PropertyType(Type type, string relativeKey)
    {
        Type? current = type;
        foreach (var part in relativeKey.Split(':'))
        {
            // A dictionary's segment is a key (Providers:<name>), its value type carries on.
            current = current is { IsGenericType: true } && current.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                ? current.GetGenericArguments()[1]
                : current?.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }

        return current is null ? null : Nullable.GetUnderlyingType(current) ?? current;
    }

    private static string Expected(Type? type) => type switch
    {
        null => "a value of the right type",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ when type == typeof(TimeSpan) => "a time span such as 00:00:10",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(uint) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(Uri) => "an absolute URL",
        _ => "a " + type.Name,
    };

    [GeneratedRegex("at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConversionError();
}
