using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="MessageOptions"/>.</summary>
internal sealed class MessageOptionsValidator : AbstractValidator<MessageOptions>
{
    /// <summary>The longest offline lifetime any provider keeps: 7 days.</summary>
    public const int MaxLifetimeSeconds = 604_800;

    public MessageOptionsValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(o => o.LifetimeSeconds!.Value)
            .InclusiveBetween(0, MaxLifetimeSeconds)
            .WithErrorCode(ValidationRules.Range)
            .WithMessage($"must be between 0 and {MaxLifetimeSeconds} (7 days)")
            .OverridePropertyName("LifetimeSeconds")
            .When(o => o.LifetimeSeconds is not null);
        RuleFor(o => o.Priority!.Value).DefinedName().OverridePropertyName("Priority").When(o => o.Priority is not null);
        RuleFor(o => o.SendTime!.Value.ToUnixTimeMilliseconds())
            .GreaterThan(0)
            .WithErrorCode(ValidationRules.Range)
            .WithMessage("must be after 1970-01-01T00:00:00Z")
            .OverridePropertyName("SendTime")
            .When(o => o.SendTime is not null);
    }
}
