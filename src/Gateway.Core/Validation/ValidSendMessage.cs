using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>
/// The fast path of validation: answers, without allocating, whether a <see cref="SendMessage"/> keeps every rule of
/// <see cref="SendMessageValidator"/>. Most commands are valid, and FluentValidation costs tens of microseconds and
/// kilobytes per command; an invalid one still goes through <see cref="SendMessageValidator"/>, so its error report
/// lists every broken rule as before. A test holds the two to the same answer over every sample and every single-rule
/// breakage; a rule added to the validator must be added here too.
/// </summary>
internal static class ValidSendMessage
{
    public static bool Check(SendMessage message, int maxRecipients) =>
        Id(message.MessageId, SendMessageValidator.MaxMessageIdLength)
        && (message.Provider is null || Id(message.Provider, SendMessageValidator.MaxIdLength))
        && (message.Sender is null || Sender(message.Sender))
        && Recipients(message, maxRecipients)
        && message.Content is { } content
        && Content(content)
        && (content.Type != ContentType.Mention || message.To is null)
        && (content.Type != ContentType.Notification || message.GroupId is null)
        && (message.Options is null || Options(message.Options, message.GroupId is not null));

    private static bool Id(string? value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !RuleExtensions.HasControlCharacter(value);

    private static bool Sender(MessageSender sender) =>
        (sender.UserId is null || Id(sender.UserId, SendMessageValidator.MaxIdLength))
        && sender.PlatformId is null or >= 1;

    private static bool Recipients(SendMessage message, int maxRecipients)
    {
        if ((message.To is null) == (message.GroupId is null))
        {
            return false;
        }

        if (message.GroupId is { } groupId)
        {
            return Id(groupId, SendMessageValidator.MaxIdLength);
        }

        return Ids(message.To!, 1, maxRecipients);
    }

    /// <summary>A list of 1..max distinct, non-blank ids of at most 128 characters (ordinal comparison, as the validator's).</summary>
    private static bool Ids(IReadOnlyList<string> ids, int min, int max)
    {
        if (ids.Count < min || ids.Count > max)
        {
            return false;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (!Id(ids[i], SendMessageValidator.MaxIdLength))
            {
                return false;
            }
        }

        return Distinct(ids);
    }

    private static bool Distinct(IReadOnlyList<string> ids)
    {
        if (ids.Count <= 16)
        {
            for (var i = 1; i < ids.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(ids[i], ids[j], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var seen = new HashSet<string>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Content(MessageContent content)
    {
        var objects = (content.Text is null ? 0 : 1) + (content.Mention is null ? 0 : 1) + (content.Image is null ? 0 : 1)
            + (content.Sound is null ? 0 : 1) + (content.Video is null ? 0 : 1) + (content.File is null ? 0 : 1)
            + (content.Location is null ? 0 : 1) + (content.Face is null ? 0 : 1) + (content.Custom is null ? 0 : 1)
            + (content.Notification is null ? 0 : 1);
        if (objects != 1)
        {
            return false;
        }

        return content.Type switch
        {
            ContentType.Text => content.Text is { } text && Text(text.Text),
            ContentType.Mention => content.Mention is { } mention && Mention(mention),
            ContentType.Image => content.Image is { } image && Image(image),
            ContentType.Sound => content.Sound is { } sound && Text(sound.Url) && sound.DurationSeconds >= 1 && sound.Size >= 0,
            ContentType.Video => content.Video is { } video && Video(video),
            ContentType.File => content.File is { } file && Text(file.Url) && Text(file.Name) && file.Size >= 1,
            ContentType.Location => content.Location is { } location && Text(location.Description)
                && location.Latitude is >= -90 and <= 90 && location.Longitude is >= -180 and <= 180,
            ContentType.Face => content.Face is { Index: >= 0 },
            ContentType.Custom => content.Custom is { } custom && Text(custom.Data),
            ContentType.Notification => content.Notification is { } notification && Text(notification.Title) && Text(notification.Text)
                && notification.Type >= 1 && notification.MixType is null or (>= 0 and <= NotificationContentValidator.MaxMixType),
            _ => false,
        };
    }

    private static bool Text(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool Mention(MentionContent mention) =>
        Text(mention.Text)
        && (mention.UserIds is { } ids
            ? (ids.Count > 0 || mention.All) && (ids.Count == 0 ? mention.All : Ids(ids, 1, MentionContentValidator.MaxMentions))
            : mention.All);

    private static bool Image(ImageContent image) =>
        Enum.IsDefined(image.Format)
        && image.Original is { } original && Variant(original)
        && (image.Large is null || Variant(image.Large))
        && (image.Thumbnail is null || Variant(image.Thumbnail));

    private static bool Variant(ImageVariant variant) => Text(variant.Url) && variant.Width >= 1 && variant.Height >= 1 && variant.Size >= 0;

    private static bool Video(VideoContent video) =>
        Text(video.Url) && Text(video.Format) && video.Size >= 1 && video.DurationSeconds >= 1
        && video.Thumbnail is { } thumbnail
        && Text(thumbnail.Url) && thumbnail.Width >= 1 && thumbnail.Height >= 1 && thumbnail.Size >= 0 && Text(thumbnail.Format);

    private static bool Options(MessageOptions options, bool toGroup) =>
        options.LifetimeSeconds is null or (>= 0 and <= MessageOptionsValidator.MaxLifetimeSeconds)
        && (options.Priority is null || (toGroup && Enum.IsDefined(options.Priority.Value)))
        && (options.SendTime is null || options.SendTime.Value.ToUnixTimeMilliseconds() > 0);
}
