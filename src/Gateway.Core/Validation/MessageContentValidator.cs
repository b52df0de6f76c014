using FluentValidation;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>
/// Rules of <see cref="MessageContent"/>: a known type, the object named after it present, no other object, and the
/// rules of that object.
/// </summary>
internal sealed class MessageContentValidator : AbstractValidator<MessageContent>
{
    public MessageContentValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(c => c.Type).DefinedName();

        RuleFor(c => c).Custom((content, context) =>
        {
            foreach (var (type, name, present) in Objects(content))
            {
                if (type == content.Type && !present)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyChain.BuildPropertyPath(name), $"is required when type is '{WireName(type)}'")
                    {
                        ErrorCode = ValidationRules.ContentMatchesType,
                    });
                }
                else if (type != content.Type && present)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyChain.BuildPropertyPath(name), $"must not be set when type is '{WireName(content.Type)}'")
                    {
                        ErrorCode = ValidationRules.ContentMatchesType,
                    });
                }
            }
        }).When(c => Enum.IsDefined(c.Type));

        RuleFor(c => c.Text!).SetValidator(new TextContentValidator()).When(c => c.Type == ContentType.Text && c.Text is not null);
        RuleFor(c => c.Mention!).SetValidator(new MentionContentValidator()).When(c => c.Type == ContentType.Mention && c.Mention is not null);
        RuleFor(c => c.Image!).SetValidator(new ImageContentValidator()).When(c => c.Type == ContentType.Image && c.Image is not null);
        RuleFor(c => c.Sound!).SetValidator(new SoundContentValidator()).When(c => c.Type == ContentType.Sound && c.Sound is not null);
        RuleFor(c => c.Video!).SetValidator(new VideoContentValidator()).When(c => c.Type == ContentType.Video && c.Video is not null);
        RuleFor(c => c.File!).SetValidator(new FileContentValidator()).When(c => c.Type == ContentType.File && c.File is not null);
        RuleFor(c => c.Location!).SetValidator(new LocationContentValidator()).When(c => c.Type == ContentType.Location && c.Location is not null);
        RuleFor(c => c.Face!).SetValidator(new FaceContentValidator()).When(c => c.Type == ContentType.Face && c.Face is not null);
        RuleFor(c => c.Custom!).SetValidator(new CustomContentValidator()).When(c => c.Type == ContentType.Custom && c.Custom is not null);
        RuleFor(c => c.Notification!).SetValidator(new NotificationContentValidator()).When(c => c.Type == ContentType.Notification && c.Notification is not null);
    }

    private static string WireName(ContentType type) => LenientEnumConverter<ContentType>.WireName(type);

    private static IEnumerable<(ContentType Type, string Name, bool Present)> Objects(MessageContent content)
    {
        yield return (ContentType.Text, nameof(MessageContent.Text), content.Text is not null);
        yield return (ContentType.Mention, nameof(MessageContent.Mention), content.Mention is not null);
        yield return (ContentType.Image, nameof(MessageContent.Image), content.Image is not null);
        yield return (ContentType.Sound, nameof(MessageContent.Sound), content.Sound is not null);
        yield return (ContentType.Video, nameof(MessageContent.Video), content.Video is not null);
        yield return (ContentType.File, nameof(MessageContent.File), content.File is not null);
        yield return (ContentType.Location, nameof(MessageContent.Location), content.Location is not null);
        yield return (ContentType.Face, nameof(MessageContent.Face), content.Face is not null);
        yield return (ContentType.Custom, nameof(MessageContent.Custom), content.Custom is not null);
        yield return (ContentType.Notification, nameof(MessageContent.Notification), content.Notification is not null);
    }
}
