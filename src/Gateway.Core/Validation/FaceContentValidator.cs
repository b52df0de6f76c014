using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="FaceContent"/>.</summary>
internal sealed class FaceContentValidator : AbstractValidator<FaceContent>
{
    public FaceContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Index).AtLeast(0);
    }
}
