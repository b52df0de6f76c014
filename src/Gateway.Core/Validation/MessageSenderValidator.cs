using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="MessageSender"/>.</summary>
internal sealed class MessageSenderValidator : AbstractValidator<MessageSender>
{
    public MessageSenderValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(s => s.UserId).Required().MaxLength(SendMessageValidator.MaxIdLength).Printable().When(s => s.UserId is not null);
        RuleFor(s => s.PlatformId!.Value).AtLeast(1).OverridePropertyName("PlatformId").When(s => s.PlatformId is not null);
    }
}
