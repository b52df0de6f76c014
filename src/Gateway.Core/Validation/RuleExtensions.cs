using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>The gateway's rule vocabulary on top of FluentValidation: each rule sets its code and a message without the field name (the path is reported separately).</summary>
internal static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithErrorCode(ValidationRules.Required).WithMessage("is required and must not be empty");

    public static IRuleBuilderOptions<T, TProperty> Present<T, TProperty>(this IRuleBuilder<T, TProperty> rule)
        where TProperty : class =>
        rule.NotNull().WithErrorCode(ValidationRules.Required).WithMessage("is required");

    public static IRuleBuilderOptions<T, string?> MaxLength<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).WithErrorCode(ValidationRules.Length).WithMessage($"must be at most {max} characters");

    // Ids end up in provider requests, operation ids and log lines; a line break in one could forge a log line.
    public static IRuleBuilderOptions<T, string?> Printable<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !HasControlCharacter(value)).WithErrorCode(ValidationRules.Printable)
            .WithMessage("must not contain control characters (line breaks, tabs, ...)");

    /// <summary>Whether <paramref name="value"/> holds a control character (U+0000–U+001F, U+007F–U+009F).</summary>
    public static bool HasControlCharacter(string value) =>
        value.AsSpan().IndexOfAnyInRange('\u0000', '\u001F') >= 0 || value.AsSpan().IndexOfAnyInRange('\u007F', '\u009F') >= 0;

    public static IRuleBuilderOptions<T, int> AtLeast<T>(this IRuleBuilder<T, int> rule, int min) =>
        rule.GreaterThanOrEqualTo(min).WithErrorCode(ValidationRules.Range).WithMessage($"must be at least {min}");

    public static IRuleBuilderOptions<T, long> AtLeast<T>(this IRuleBuilder<T, long> rule, long min) =>
        rule.GreaterThanOrEqualTo(min).WithErrorCode(ValidationRules.Range).WithMessage($"must be at least {min}");

    public static IRuleBuilderOptions<T, TEnum> DefinedName<T, TEnum>(this IRuleBuilder<T, TEnum> rule)
        where TEnum : struct, Enum =>
        rule.IsInEnum().WithErrorCode(ValidationRules.Enum)
            .WithMessage($"must be one of {string.Join(", ", LenientEnumConverter<TEnum>.WireNames)}");
}
