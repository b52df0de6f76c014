using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Mapping;

/// <summary>
/// Turns the neutral model into OpenIM request DTOs (reference §4.1, §4.3, §7.2, §8). Required wire fields are always
/// written, optional ones only when set; options a version cannot carry are left out (the gateway has already
/// reported them as ignored, or rejected the message on a strict instance). It takes the validated model, so the content
/// object and the recipients are never missing.
/// </summary>
internal static class OpenImMessageMapper
{
    /// <summary>Admin platform id of v3 (<c>constant.AdminPlatformID</c>).</summary>
    public const int V3AdminPlatformId = 10;

    /// <summary>The platform the v2 docs use for admin tokens (passes v2's 1..8 validation).</summary>
    public const int V2AdminPlatformId = 8;

    /// <summary>sessionType 1: one-to-one.</summary>
    public const int SingleChat = 1;

    /// <summary>sessionType 2: v2 group (v3 rejects it).</summary>
    public const int V2GroupChat = 2;

    /// <summary>sessionType 3: v3 group ("read group"/super group).</summary>
    public const int V3GroupChat = 3;

    /// <summary>sessionType 4: notification, only with contentType 1400.</summary>
    public const int NotificationChat = 4;

    /// <summary>contentType 111, revoke (v2).</summary>
    public const int RevokeContentType = 111;

    /// <summary>Gets the admin platform id of an API generation.</summary>
    /// <param name="version">The generation.</param>
    /// <returns>10 for v3, 8 for v2.</returns>
    public static int AdminPlatformId(OpenImApiVersion version) =>
        version == OpenImApiVersion.V2 ? V2AdminPlatformId : V3AdminPlatformId;

    /// <summary>Gets the contentType code of a content kind.</summary>
    /// <param name="type">The content kind.</param>
    /// <returns>The OpenIM code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind has no OpenIM equivalent (location, face).</exception>
    public static int ContentTypeCode(ContentType type) => type switch
    {
        ContentType.Text => 101,
        ContentType.Image => 102,
        ContentType.Sound => 103,
        ContentType.Video => 104,
        ContentType.File => 105,
        ContentType.Mention => 106,
        ContentType.Custom => 110,
        ContentType.Notification => 1400,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "OpenIM has no content type for this kind"),
    };

    /// <summary>Builds a <c>send_msg</c> to one user.</summary>
    /// <param name="message">The message.</param>
    /// <param name="options">The instance's options.</param>
    /// <param name="recvId">The user.</param>
    /// <returns>The request.</returns>
    public static SendMsgRequest ToSendMsg(OutboundMessage message, OpenImOptions options, string recvId) =>
        SendMsg(message, options, recvId, groupId: null);

    /// <summary>Builds a <c>send_msg</c> to a group.</summary>
    /// <param name="message">The message.</param>
    /// <param name="options">The instance's options.</param>
    /// <param name="group">The group.</param>
    /// <returns>The request.</returns>
    public static SendMsgRequest ToSendMsg(OutboundMessage message, OpenImOptions options, GroupRecipient group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return SendMsg(message, options, recvId: null, group.GroupId);
    }

    /// <summary>Builds a v3 <c>batch_send_msg</c> for one chunk of users.</summary>
    /// <param name="message">The message.</param>
    /// <param name="options">The instance's options.</param>
    /// <param name="recvIds">The chunk's users (never empty).</param>
    /// <returns>The request.</returns>
    public static BatchSendMsgRequest ToBatchSendMsg(OutboundMessage message, OpenImOptions options, IReadOnlyList<string> recvIds)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var version = options.ApiVersion;
        return new BatchSendMsgRequest
        {
            SendId = message.Sender?.UserId ?? options.AdminUserId,
            SenderNickname = message.Sender?.Nickname,
            SenderFaceUrl = message.Sender?.FaceUrl,
            SenderPlatformId = message.Sender?.PlatformId ?? AdminPlatformId(version),
            Content = Content(message.Content, version),
            ContentType = ContentTypeCode(message.Content.Type),
            SessionType = SessionType(message.Content, version, isGroup: false),
            IsOnlineOnly = message.Options.OnlineOnly ? true : null,
            NotOfflinePush = message.Options.OfflinePush?.Disabled == true ? true : null,
            SendTime = message.Options.SendTime?.ToUnixTimeMilliseconds(),
            OfflinePushInfo = OfflinePush(message.Options.OfflinePush),
            Ex = message.Options.Extension,
            RecvIds = recvIds,
        };
    }

    /// <summary>Builds the v2 revoke: contentType 111 <c>{revokeMsgClientID}</c> into the original conversation.</summary>
    /// <param name="request">The revoke request.</param>
    /// <param name="options">The instance's options.</param>
    /// <returns>The request.</returns>
    public static SendMsgRequest ToRevoke(OutboundRevoke request, OpenImOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var group = request.Conversation as GroupRecipient;
        return new SendMsgRequest
        {
            SendId = request.Sender?.UserId ?? options.AdminUserId,
            RecvId = group is null ? ((UserRecipients)request.Conversation).UserIds[0] : null,
            GroupId = group?.GroupId,
            SenderNickname = request.Sender?.Nickname,
            SenderFaceUrl = request.Sender?.FaceUrl,
            SenderPlatformId = request.Sender?.PlatformId ?? AdminPlatformId(options.ApiVersion),
            Content = new RevokeElem { RevokeMsgClientId = request.ProviderMessageKey },
            ContentType = RevokeContentType,
            SessionType = group is not null ? GroupSessionType(options.ApiVersion) : SingleChat,
        };
    }

    /// <summary>Builds the <c>content</c> object of a content kind.</summary>
    /// <param name="content">The content.</param>
    /// <param name="version">The API generation (text key and nothing else differ).</param>
    /// <returns>The element DTO.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The content has no OpenIM equivalent (location, face); the capability check rules it out first.</exception>
    public static object Content(MessageContent content, OpenImApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content switch
        {
            { Text: { } text } => version == OpenImApiVersion.V2 ? new TextElemV2 { Text = text.Text } : new TextElem { Content = text.Text },
            { Mention: { } mention } => Mention(mention),
            { Image: { } image } => Image(image),
            { Sound: { } sound } => Sound(sound),
            { Video: { } video } => Video(video),
            { File: { } file } => File(file),
            { Custom: { } custom } => Custom(custom),
            { Notification: { } notification } => Notification(notification),
            _ => throw new ArgumentOutOfRangeException(nameof(content), content.Type, "OpenIM has no content type for this kind"),
        };
    }

    /// <summary>Gets the wire name OpenIM gets in <c>PictureBaseInfo.type</c> for an image format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The model's own name (png, jpg, gif, bmp, other).</returns>
    public static string ImageType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpg => "jpg",
        ImageFormat.Gif => "gif",
        ImageFormat.Bmp => "bmp",
        _ => "other",
    };

    private static SendMsgRequest SendMsg(OutboundMessage message, OpenImOptions options, string? recvId, string? groupId)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var version = options.ApiVersion;
        var v3 = version != OpenImApiVersion.V2;
        var push = message.Options.OfflinePush;
        return new SendMsgRequest
        {
            SendId = message.Sender?.UserId ?? options.AdminUserId,
            RecvId = recvId,
            GroupId = groupId,
            SenderNickname = message.Sender?.Nickname,
            SenderFaceUrl = message.Sender?.FaceUrl,
            SenderPlatformId = message.Sender?.PlatformId ?? AdminPlatformId(version),
            Content = Content(message.Content, version),
            ContentType = ContentTypeCode(message.Content.Type),
            SessionType = SessionType(message.Content, version, isGroup: groupId is not null),
            IsOnlineOnly = message.Options.OnlineOnly ? true : null,
            NotOfflinePush = v3 && push?.Disabled == true ? true : null,
            SendTime = v3 ? message.Options.SendTime?.ToUnixTimeMilliseconds() : null,
            OfflinePushInfo = OfflinePush(push),
            Ex = v3 ? message.Options.Extension : null,
        };
    }

    private static int SessionType(MessageContent content, OpenImApiVersion version, bool isGroup) =>
        content.Type == ContentType.Notification ? NotificationChat
        : isGroup ? GroupSessionType(version)
        : SingleChat;

    private static int GroupSessionType(OpenImApiVersion version) => version == OpenImApiVersion.V2 ? V2GroupChat : V3GroupChat;

    private static OfflinePushInfo? OfflinePush(OfflinePushOptions? push) =>
        push is null || (push.Title is null && push.Body is null && push.Extension is null && push.IosSound is null && push.IosBadge is null)
            ? null
            : new OfflinePushInfo
            {
                Title = push.Title,
                Desc = push.Body,
                Ex = push.Extension,
                IosPushSound = push.IosSound,
                IosBadgeCount = push.IosBadge,
            };

    private static AtElem Mention(MentionContent mention)
    {
        var users = mention.UserIds ?? [];
        IReadOnlyList<string> atUsers = mention.All ? [AtElem.AtAllTag, .. users.Where(u => u != AtElem.AtAllTag)] : [.. users];
        return new AtElem { Text = mention.Text, AtUserList = atUsers, IsAtSelf = false };
    }

    private static PictureElem Image(ImageContent image)
    {
        var type = ImageType(image.Format);
        return new PictureElem
        {
            SourcePicture = Picture(image.Original, type),
            BigPicture = Picture(image.Large ?? image.Original, type),
            SnapshotPicture = Picture(image.Thumbnail ?? image.Original, type),
        };
    }

    private static PictureBaseInfo Picture(ImageVariant variant, string type) => new()
    {
        Uuid = variant.Uuid,
        Type = type,
        Size = variant.Size,
        Width = variant.Width,
        Height = variant.Height,
        Url = variant.Url,
    };

    private static SoundElem Sound(SoundContent sound) => new()
    {
        Uuid = sound.Uuid,
        SourceUrl = sound.Url,
        DataSize = sound.Size,
        Duration = sound.DurationSeconds,
    };

    private static VideoElem Video(VideoContent video) => new()
    {
        VideoUuid = video.Uuid,
        VideoUrl = video.Url,
        VideoType = video.Format,
        VideoSize = video.Size,
        Duration = video.DurationSeconds,
        SnapshotUuid = video.Thumbnail.Uuid,
        SnapshotSize = video.Thumbnail.Size,
        SnapshotUrl = video.Thumbnail.Url,
        SnapshotWidth = video.Thumbnail.Width,
        SnapshotHeight = video.Thumbnail.Height,
    };

    private static FileElem File(FileContent file) => new()
    {
        Uuid = file.Uuid,
        SourceUrl = file.Url,
        FileName = file.Name,
        FileSize = file.Size,
    };

    private static CustomElem Custom(CustomContent custom) => new()
    {
        Data = custom.Data,
        Description = custom.Description,
        Extension = custom.Extension,
    };

    private static OaNotificationElem Notification(NotificationContent notification) => new()
    {
        NotificationName = notification.Title,
        NotificationFaceUrl = notification.FaceUrl,
        NotificationType = notification.Type,
        Text = notification.Text,
        Url = notification.Url,
        MixType = notification.MixType,
    };

}
