using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="TextContent"/>.</summary>
internal sealed class TextContentValidator : AbstractValidator<TextContent>
{
    public TextContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Text).Required();
    }
}
