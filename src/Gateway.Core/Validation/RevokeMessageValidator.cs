using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="RevokeMessage"/>.</summary>
internal sealed class RevokeMessageValidator : AbstractValidator<RevokeMessage>
{
    public RevokeMessageValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(m => m.MessageId).Required().MaxLength(SendMessageValidator.MaxMessageIdLength).Printable();
        RuleFor(m => m.Provider).Required().MaxLength(SendMessageValidator.MaxIdLength).Printable().When(m => m.Provider is not null);
        RuleFor(m => m.ProviderMessageKey).Required();
        RuleFor(m => m.Sender!).SetValidator(new MessageSenderValidator()).When(m => m.Sender is not null);
        RuleFor(m => m.Target).Present();
        When(m => m.Target is not null, () =>
        {
            RuleFor(m => m.Target.To)
                .Must((message, to) => (to is null) != (message.Target.GroupId is null))
                .WithErrorCode(ValidationRules.OneRecipientKind)
                .WithMessage("exactly one of 'target.to' and 'target.groupId' must be set");
            RuleFor(m => m.Target.To).Required().MaxLength(SendMessageValidator.MaxIdLength).Printable().When(m => m.Target.To is not null);
            RuleFor(m => m.Target.GroupId).Required().MaxLength(SendMessageValidator.MaxIdLength).Printable().When(m => m.Target.GroupId is not null);
        });
    }
}
