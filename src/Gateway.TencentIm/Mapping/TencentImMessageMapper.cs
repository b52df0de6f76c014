using Gateway.Core.Contracts;
using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Mapping;

/// <summary>Maps the neutral model to Tencent's DTOs (DESIGN.md's model table, reference §3–§5).</summary>
internal static class TencentImMessageMapper
{
    /// <summary><c>Download_Flag</c>, <c>VideoDownloadFlag</c> and <c>ThumbDownloadFlag</c>: 2 = download from the URL given.</summary>
    public const int DownloadFromUrl = 2;

    public static SendMsgRequest ToSendMsg(SendMessage message, string recipient, IReadOnlyList<TencentImMsgElement> body)
    {
        var (seq, random) = MessageIdentity.ForRecipient(message.MessageId, recipient);
        return new SendMsgRequest
        {
            SyncOtherMachine = SyncOtherMachine(message.Options),
            FromAccount = message.Sender?.UserId,
            ToAccount = recipient,
            MsgLifeTime = MsgLifeTime(message.Options),
            MsgSeq = seq,
            MsgRandom = random,
            MsgTimeStamp = message.Options?.SendTime?.ToUnixTimeSeconds(),
            MsgBody = body,
            CloudCustomData = message.Options?.Extension,
            OfflinePushInfo = OfflinePush(message.Options?.OfflinePush),
        };
    }

    public static BatchSendMsgRequest ToBatchSendMsg(SendMessage message, IReadOnlyList<string> recipients, int chunkIndex, IReadOnlyList<TencentImMsgElement> body)
    {
        var (seq, random) = MessageIdentity.ForChunk(message.MessageId, chunkIndex);
        return new BatchSendMsgRequest
        {
            SyncOtherMachine = SyncOtherMachine(message.Options),
            FromAccount = message.Sender?.UserId,
            ToAccount = recipients,
            MsgLifeTime = MsgLifeTime(message.Options),
            MsgSeq = seq,
            MsgRandom = random,
            MsgBody = body,
            CloudCustomData = message.Options?.Extension,
            OfflinePushInfo = OfflinePush(message.Options?.OfflinePush),
        };
    }

    public static SendGroupMsgRequest ToSendGroupMsg(SendMessage message, IReadOnlyList<TencentImMsgElement> body) => new()
    {
        GroupId = message.GroupId!,
        Random = MessageIdentity.ForGroup(message.MessageId, message.GroupId!),
        MsgPriority = Priority(message.Options?.Priority),
        MsgBody = body,
        FromAccount = message.Sender?.UserId,
        OfflinePushInfo = OfflinePush(message.Options?.OfflinePush),
        OnlineOnlyFlag = message.Options?.OnlineOnly == true ? 1 : null,
        CloudCustomData = message.Options?.Extension,
        GroupAtInfo = GroupAtInfo(message.Content),
    };

    /// <summary>The <c>MsgBody</c> of a content: one element (a mention is a <c>TIMTextElem</c> plus <c>GroupAtInfo</c>).</summary>
    /// <exception cref="NotSupportedException">The content type has no Tencent element (notification).</exception>
    public static IReadOnlyList<TencentImMsgElement> ToMsgBody(MessageContent content) => content.Type switch
    {
        ContentType.Text => [Element("TIMTextElem", new TextElemContent { Text = content.Text!.Text })],
        ContentType.Mention => [Element("TIMTextElem", new TextElemContent { Text = content.Mention!.Text })],
        ContentType.Image => [Element("TIMImageElem", Image(content.Image!))],
        ContentType.Sound => [Element("TIMSoundElem", new SoundElemContent
        {
            Url = content.Sound!.Url,
            Uuid = content.Sound.Uuid,
            Size = content.Sound.Size,
            Second = content.Sound.DurationSeconds,
            DownloadFlag = DownloadFromUrl,
        })],
        ContentType.Video => [Element("TIMVideoFileElem", Video(content.Video!))],
        ContentType.File => [Element("TIMFileElem", new FileElemContent
        {
            Url = content.File!.Url,
            Uuid = content.File.Uuid,
            FileSize = content.File.Size,
            FileName = content.File.Name,
            DownloadFlag = DownloadFromUrl,
        })],
        ContentType.Location => [Element("TIMLocationElem", new LocationElemContent
        {
            Desc = content.Location!.Description,
            Latitude = content.Location.Latitude,
            Longitude = content.Location.Longitude,
        })],
        ContentType.Face => [Element("TIMFaceElem", new FaceElemContent { Index = content.Face!.Index, Data = content.Face.Data })],
        ContentType.Custom => [Element("TIMCustomElem", new CustomElemContent
        {
            Data = content.Custom!.Data,
            Desc = content.Custom.Description,
            Ext = content.Custom.Extension,
            Sound = content.Custom.Sound,
        })],
        _ => throw new NotSupportedException($"'{content.Type}' content has no Tencent Cloud IM element."),
    };

    /// <summary><c>GroupAtInfo</c> of a mention: <c>{GroupAtAllFlag: 1}</c> for everyone, <c>{GroupAtAllFlag: 0, GroupAt_Account}</c> per user.</summary>
    public static IReadOnlyList<GroupAtInfo>? GroupAtInfo(MessageContent content)
    {
        if (content.Type != ContentType.Mention || content.Mention is not { } mention)
        {
            return null;
        }

        var items = new List<GroupAtInfo>();
        if (mention.All)
        {
            items.Add(new GroupAtInfo { GroupAtAllFlag = 1 });
        }

        foreach (var userId in mention.UserIds ?? [])
        {
            items.Add(new GroupAtInfo { GroupAtAllFlag = 0, GroupAtAccount = userId });
        }

        return items;
    }

    /// <summary><c>SyncOtherMachine</c>: 1 when <c>syncToSender</c> is true, 2 when false, omitted when unset.</summary>
    public static int? SyncOtherMachine(MessageOptions? options) => options?.SyncToSender switch
    {
        true => 1,
        false => 2,
        null => null,
    };

    /// <summary><c>MsgLifeTime</c>: 0 for <c>onlineOnly</c>, else <c>lifetimeSeconds</c> clamped to [0, 604800], else omitted (7 days).</summary>
    public static int? MsgLifeTime(MessageOptions? options) =>
        options?.OnlineOnly == true ? 0 : options?.LifetimeSeconds is { } seconds ? Math.Clamp(seconds, 0, 604_800) : null;

    /// <summary><c>MsgPriority</c>: High, Normal, Low, Lowest (case-sensitive on the wire).</summary>
    public static string? Priority(MessagePriority? priority) => priority switch
    {
        MessagePriority.High => "High",
        MessagePriority.Normal => "Normal",
        MessagePriority.Low => "Low",
        MessagePriority.Lowest => "Lowest",
        _ => null,
    };

    /// <summary>
    /// <c>OfflinePushInfo</c>: <c>PushFlag</c> (1 = disabled), <c>Title</c>, <c>Desc</c> (the body), <c>Ext</c>,
    /// <c>ApnsInfo{Sound, BadgeMode}</c> (BadgeMode 0 counts toward the badge, 1 does not) and <c>AndroidInfo{Sound}</c>.
    /// </summary>
    public static OfflinePushInfo? OfflinePush(OfflinePushOptions? push) => push is null ? null : new OfflinePushInfo
    {
        PushFlag = push.Disabled ? 1 : 0,
        Title = push.Title,
        Desc = push.Body,
        Ext = push.Extension,
        ApnsInfo = push.IosSound is null && push.IosBadge is null ? null : new ApnsInfo
        {
            Sound = push.IosSound,
            BadgeMode = push.IosBadge switch
            {
                true => 0,
                false => 1,
                null => null,
            },
        },
        AndroidInfo = push.AndroidSound is null ? null : new AndroidInfo { Sound = push.AndroidSound },
    };

    /// <summary><c>ImageFormat</c>: JPG 1, GIF 2, PNG 3, BMP 4, other 255.</summary>
    public static int ImageFormatCode(ImageFormat format) => format switch
    {
        ImageFormat.Jpg => 1,
        ImageFormat.Gif => 2,
        ImageFormat.Png => 3,
        ImageFormat.Bmp => 4,
        _ => 255,
    };

    private static TencentImMsgElement Element(string type, object content) => new() { MsgType = type, MsgContent = content };

    private static ImageElemContent Image(ImageContent image)
    {
        var infos = new List<ImageInfo> { Info(1, image.Original) };
        if (image.Large is { } large)
        {
            infos.Add(Info(2, large));
        }

        if (image.Thumbnail is { } thumbnail)
        {
            infos.Add(Info(3, thumbnail));
        }

        return new ImageElemContent { Uuid = image.Original.Uuid, ImageFormat = ImageFormatCode(image.Format), ImageInfoArray = infos };
    }

    private static ImageInfo Info(int type, ImageVariant variant) =>
        new() { Type = type, Size = variant.Size, Width = variant.Width, Height = variant.Height, Url = variant.Url };

    private static VideoFileElemContent Video(VideoContent video) => new()
    {
        VideoUrl = video.Url,
        VideoUuid = video.Uuid,
        VideoSize = video.Size,
        VideoSecond = video.DurationSeconds,
        VideoFormat = video.Format,
        VideoDownloadFlag = DownloadFromUrl,
        ThumbUrl = video.Thumbnail.Url,
        ThumbUuid = video.Thumbnail.Uuid,
        ThumbSize = video.Thumbnail.Size,
        ThumbWidth = video.Thumbnail.Width,
        ThumbHeight = video.Thumbnail.Height,
        ThumbFormat = video.Thumbnail.Format,
        ThumbDownloadFlag = DownloadFromUrl,
    };
}
