using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="MentionContent"/>.</summary>
internal sealed class MentionContentValidator : AbstractValidator<MentionContent>
{
    /// <summary>OpenIM caps <c>atUserList</c> at 1000 entries.</summary>
    public const int MaxMentions = 1000;

    public MentionContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Text).Required();
        RuleFor(c => c.UserIds)
            .Must(ids => ids is { Count: > 0 })
            .WithErrorCode(ValidationRules.Required)
            .WithMessage("must list at least one user unless 'all' is true")
            .When(c => !c.All);
        When(c => c.UserIds is not null, () =>
        {
            RuleFor(c => c.UserIds!.Count)
                .LessThanOrEqualTo(MaxMentions)
                .WithErrorCode(ValidationRules.Count)
                .WithMessage($"must list at most {MaxMentions} users")
                .OverridePropertyName("UserIds");
            RuleForEach(c => c.UserIds).Required().MaxLength(SendMessageValidator.MaxIdLength).Printable();
            RuleFor(c => c.UserIds)
                .Must(ids => ids!.Distinct(StringComparer.Ordinal).Count() == ids!.Count)
                .WithErrorCode(ValidationRules.Distinct)
                .WithMessage("must not list a user twice");
        });
    }
}
