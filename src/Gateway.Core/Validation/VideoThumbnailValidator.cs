using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Rules of <see cref="VideoThumbnail"/>.</summary>
internal sealed class VideoThumbnailValidator : AbstractValidator<VideoThumbnail>
{
    public VideoThumbnailValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(t => t.Url).Required();
        RuleFor(t => t.Width).AtLeast(1);
        RuleFor(t => t.Height).AtLeast(1);
        RuleFor(t => t.Size).AtLeast(0L);
        RuleFor(t => t.Format).Required();
    }
}
