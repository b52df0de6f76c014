using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="ImageVariant"/>.</summary>
internal sealed class ImageVariantValidator : AbstractValidator<ImageVariant>
{
    public ImageVariantValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(v => v.Url).Required();
        RuleFor(v => v.Width).AtLeast(1);
        RuleFor(v => v.Height).AtLeast(1);
        RuleFor(v => v.Size).AtLeast(0L);
    }
}
