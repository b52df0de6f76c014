using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="NotificationContent"/>.</summary>
internal sealed class NotificationContentValidator : AbstractValidator<NotificationContent>
{
    /// <summary>OpenIM's <c>mixType</c> range.</summary>
    public const int MaxMixType = 5;

    public NotificationContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Title).Required();
        RuleFor(c => c.Text).Required();
        RuleFor(c => c.Type).AtLeast(1);
        RuleFor(c => c.MixType!.Value)
            .InclusiveBetween(0, MaxMixType)
            .WithErrorCode(ValidationRules.Range)
            .WithMessage($"must be between 0 and {MaxMixType}")
            .OverridePropertyName("MixType")
            .When(c => c.MixType is not null);
    }
}
