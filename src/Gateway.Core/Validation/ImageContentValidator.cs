using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="ImageContent"/>.</summary>
internal sealed class ImageContentValidator : AbstractValidator<ImageContent>
{
    public ImageContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Format).DefinedName();
        RuleFor(c => c.Original).Present().SetValidator(new ImageVariantValidator());
        RuleFor(c => c.Large!).SetValidator(new ImageVariantValidator()).When(c => c.Large is not null);
        RuleFor(c => c.Thumbnail!).SetValidator(new ImageVariantValidator()).When(c => c.Thumbnail is not null);
    }
}
