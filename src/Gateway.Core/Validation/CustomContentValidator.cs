using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="CustomContent"/>.</summary>
internal sealed class CustomContentValidator : AbstractValidator<CustomContent>
{
    public CustomContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Data).Required();
    }
}
