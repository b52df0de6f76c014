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
            RuleForEach(c => c.UserIds).Required().MaxLength(SendMessageValidator.MaxIdLength);
            RuleFor(c => c.UserIds)
                .Must(ids => ids!.Distinct(StringComparer.Ordinal).Count() == ids!.Count)
                .WithErrorCode(ValidationRules.Distinct)
                .WithMessage("must not list a user twice");
        });
    }
}

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

/// <summary>Rules of <see cref="FileContent"/>.</summary>
internal sealed class FileContentValidator : AbstractValidator<FileContent>
{
    public FileContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Url).Required();
        RuleFor(c => c.Name).Required();
        RuleFor(c => c.Size).AtLeast(1L);
    }
}

/// <summary>Rules of <see cref="LocationContent"/>.</summary>
internal sealed class LocationContentValidator : AbstractValidator<LocationContent>
{
    public LocationContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Description).Required();
        RuleFor(c => c.Latitude).InclusiveBetween(-90, 90)
            .WithErrorCode(ValidationRules.Range).WithMessage("must be between -90 and 90");
        RuleFor(c => c.Longitude).InclusiveBetween(-180, 180)
            .WithErrorCode(ValidationRules.Range).WithMessage("must be between -180 and 180");
    }
}

/// <summary>Rules of <see cref="FaceContent"/>.</summary>
internal sealed class FaceContentValidator : AbstractValidator<FaceContent>
{
    public FaceContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Index).AtLeast(0);
    }
}

/// <summary>Rules of <see cref="CustomContent"/>.</summary>
internal sealed class CustomContentValidator : AbstractValidator<CustomContent>
{
    public CustomContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Data).Required();
    }
}

/// <summary>Rules of <see cref="NotificationContent"/>.</summary>
internal sealed class NotificationContentValidator : AbstractValidator<NotificationContent>
{
    /// <summary>OpenIM's <c>mixType</c> range.</summary>
    public const int MaxMixType = 5;

    public NotificationContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Title).Required();
        RuleFor(c => c.Text).Required();
        RuleFor(c => c.Type).AtLeast(1);
        RuleFor(c => c.MixType!.Value)
            .InclusiveBetween(0, MaxMixType)
            .WithErrorCode(ValidationRules.Range)
            .WithMessage($"must be between 0 and {MaxMixType}")
            .OverridePropertyName("MixType")
            .When(c => c.MixType is not null);
    }
}
