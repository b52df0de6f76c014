using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="SoundContent"/>.</summary>
internal sealed class SoundContentValidator : AbstractValidator<SoundContent>
{
    public SoundContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Url).Required();
        RuleFor(c => c.DurationSeconds).AtLeast(1);
        RuleFor(c => c.Size).AtLeast(0L);
    }
}
