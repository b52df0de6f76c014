using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Mapping;

/// <summary>
/// Maps the validated model to Tencent's DTOs (reference §3–§5). It takes <see cref="OutboundMessage"/>, so the content
/// object, the recipients and the options are never missing; options a shape cannot carry are left out (the gateway has
/// already reported them as ignored, or rejected the message on a strict instance).
/// </summary>
internal static class TencentImMessageMapper
{
    /// <summary><c>Download_Flag</c>, <c>VideoDownloadFlag</c> and <c>ThumbDownloadFlag</c>: 2 = download from the URL given.</summary>
    public const int DownloadFromUrl = 2;

    /// <summary>Builds a <c>sendmsg</c> to one user, with the dedup pair of that call.</summary>
    public static SendMsgRequest ToSendMsg(OutboundMessage message, string recipient, IReadOnlyList<TencentImMsgElement> body)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (seq, random) = MessageIdentity.ForRecipient(message.MessageId, recipient);
        var options = message.Options;
        return new SendMsgRequest
        {
            SyncOtherMachine = SyncOtherMachine(options),
            FromAccount = message.Sender?.UserId,
            ToAccount = recipient,
            MsgLifeTime = MsgLifeTime(options),
            MsgSeq = seq,
            MsgRandom = random,
            MsgTimeStamp = options.SendTime?.ToUnixTimeSeconds(),
            MsgBody = body,
            CloudCustomData = options.Extension,
            OfflinePushInfo = OfflinePush(options.OfflinePush),
        };
    }

    /// <summary>Builds the <c>batchsendmsg</c> of chunk <paramref name="chunkIndex"/> (0-based), with that chunk's dedup pair.</summary>
    public static BatchSendMsgRequest ToBatchSendMsg(OutboundMessage message, IReadOnlyList<string> recipients, int chunkIndex, IReadOnlyList<TencentImMsgElement> body)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (seq, random) = MessageIdentity.ForChunk(message.MessageId, chunkIndex);
        var options = message.Options;
        return new BatchSendMsgRequest
        {
            SyncOtherMachine = SyncOtherMachine(options),
            FromAccount = message.Sender?.UserId,
            ToAccount = recipients,
            MsgLifeTime = MsgLifeTime(options),
            MsgSeq = seq,
            MsgRandom = random,
            MsgBody = body,
            CloudCustomData = options.Extension,
            OfflinePushInfo = OfflinePush(options.OfflinePush),
        };
    }

    /// <summary>Builds a <c>send_group_msg</c>.</summary>
    public static SendGroupMsgRequest ToSendGroupMsg(OutboundMessage message, GroupRecipient group, IReadOnlyList<TencentImMsgElement> body)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(group);
        var options = message.Options;
        return new SendGroupMsgRequest
        {
            GroupId = group.GroupId,
            Random = MessageIdentity.ForGroup(message.MessageId, group.GroupId),
            MsgPriority = Priority(options.Priority),
            MsgBody = body,
            FromAccount = message.Sender?.UserId,
            OfflinePushInfo = OfflinePush(options.OfflinePush),
            OnlineOnlyFlag = options.OnlineOnly ? 1 : null,
            CloudCustomData = options.Extension,
            GroupAtInfo = GroupAtInfo(message.Content),
        };
    }

    /// <summary>Builds the <c>admin_msgwithdraw</c> of a one-to-one message: sent by the original sender, or the admin.</summary>
    public static AdminMsgWithdrawRequest ToWithdraw(OutboundRevoke request, string recipient, string adminIdentifier)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new AdminMsgWithdrawRequest
        {
            FromAccount = request.Sender?.UserId ?? adminIdentifier,
            ToAccount = recipient,
            MsgKey = request.ProviderMessageKey,
        };
    }

    /// <summary>Builds the <c>group_msg_recall</c> of a group message; its key is the group <c>MsgSeq</c> (decimal digits, checked by the capabilities).</summary>
    public static GroupMsgRecallRequest ToRecall(OutboundRevoke request, GroupRecipient group)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(group);
        return new GroupMsgRecallRequest
        {
            GroupId = group.GroupId,
            MsgSeqList = [new GroupMsgSeq { MsgSeq = ulong.Parse(request.ProviderMessageKey, NumberStyles.None, CultureInfo.InvariantCulture) }],
        };
    }

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
