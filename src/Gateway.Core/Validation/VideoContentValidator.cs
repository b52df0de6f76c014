using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="VideoContent"/>.</summary>
internal sealed class VideoContentValidator : AbstractValidator<VideoContent>
{
    public VideoContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Url).Required();
        RuleFor(c => c.Format).Required();
        RuleFor(c => c.Size).AtLeast(1L);
        RuleFor(c => c.DurationSeconds).AtLeast(1);
        RuleFor(c => c.Thumbnail).Present().SetValidator(new VideoThumbnailValidator());
    }
}
