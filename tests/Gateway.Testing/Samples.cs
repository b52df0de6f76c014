using Gateway.Core.Contracts;
using Gateway.Core.Messages;

namespace Gateway.Testing;

/// <summary>
/// The one set of sample commands for every test project and bench/: valid commands of every content type (break one
/// rule at a time to test a failure), as bus commands (<see cref="SendMessage"/>) and as the validated model providers
/// take (<see cref="OutboundMessage"/>). The values are the ones the literal wire JSON in the adapter tests expects.
/// </summary>
public static class Samples
{
    private static int _counter;

    /// <summary>Creates a unique message id with a readable prefix.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The id.</returns>
    public static string NewId(string prefix = "m") => $"{prefix}-{Interlocked.Increment(ref _counter):D4}-{Guid.NewGuid():N}"[..(prefix.Length + 14)];

    /// <summary>A text command to <c>alice</c>.</summary>
    /// <param name="id">The message id.</param>
    /// <returns>The command.</returns>
    public static SendMessage Text(string id = "msg-1") => new() { MessageId = id, To = ["alice"], Content = TextContent() };

    /// <summary>A command to users.</summary>
    /// <param name="content">The content.</param>
    /// <param name="to">The users (default <c>alice</c>, <c>bob</c>).</param>
    /// <returns>The command.</returns>
    public static SendMessage ToUsers(MessageContent content, params string[] to) => new()
    {
        MessageId = NewId(),
        To = to.Length == 0 ? ["alice", "bob"] : to,
        Content = content,
    };

    /// <summary>A command to a group.</summary>
    /// <param name="content">The content.</param>
    /// <param name="groupId">The group.</param>
    /// <returns>The command.</returns>
    public static SendMessage ToGroup(MessageContent content, string groupId = "g1") => new() { MessageId = NewId(), GroupId = groupId, Content = content };

    /// <summary>The validated model of a message to users, as providers get it.</summary>
    /// <param name="content">The content.</param>
    /// <param name="to">The users (at least one).</param>
    /// <returns>The message.</returns>
    public static OutboundMessage Outbound(MessageContent content, params string[] to) => new()
    {
        MessageId = NewId(),
        Recipients = new UserRecipients(to.Length == 0 ? ["alice"] : to),
        Content = content,
    };

    /// <summary>The validated model of a group message, as providers get it.</summary>
    /// <param name="content">The content.</param>
    /// <param name="groupId">The group.</param>
    /// <returns>The message.</returns>
    public static OutboundMessage OutboundToGroup(MessageContent content, string groupId = "g1") => new()
    {
        MessageId = NewId(),
        Recipients = new GroupRecipient(groupId),
        Content = content,
    };

    /// <summary>A revoke of a message sent to <c>alice</c>, or to a group when <paramref name="groupId"/> is given.</summary>
    /// <param name="id">The revoke request's id.</param>
    /// <param name="providerMessageKey">The key from the original send.</param>
    /// <param name="groupId">The group the original message went to, or <see langword="null"/> for <c>alice</c>.</param>
    /// <returns>The command.</returns>
    public static RevokeMessage Revoke(string id = "revoke-1", string providerMessageKey = "key-alice", string? groupId = null) => new()
    {
        MessageId = id,
        Target = groupId is null ? new RevokeTarget { To = "alice" } : new RevokeTarget { GroupId = groupId },
        ProviderMessageKey = providerMessageKey,
    };

    /// <summary>The validated model of a revoke request in a conversation with one user, as providers get it.</summary>
    /// <param name="providerMessageKey">The provider's key of the message to recall.</param>
    /// <param name="to">The user of the conversation.</param>
    /// <returns>The request.</returns>
    public static OutboundRevoke OutboundRevoke(string providerMessageKey, string to = "alice") => new()
    {
        MessageId = NewId("r"),
        Conversation = new UserRecipients([to]),
        ProviderMessageKey = providerMessageKey,
    };

    /// <summary>The validated model of a revoke request in a group, as providers get it.</summary>
    /// <param name="providerMessageKey">The provider's key of the message to recall.</param>
    /// <param name="groupId">The group.</param>
    /// <returns>The request.</returns>
    public static OutboundRevoke OutboundRevokeInGroup(string providerMessageKey, string groupId = "g1") => new()
    {
        MessageId = NewId("r"),
        Conversation = new GroupRecipient(groupId),
        ProviderMessageKey = providerMessageKey,
    };

    /// <summary>Text content.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The content.</returns>
    public static MessageContent TextContent(string text = "hello") => MessageContent.FromText(text);

    /// <summary>Mention content (groups only): <c>u2</c> and <c>u3</c>, or everyone.</summary>
    /// <param name="all">Whether everyone is mentioned.</param>
    /// <returns>The content.</returns>
    public static MessageContent Mention(bool all = false) => new()
    {
        Type = ContentType.Mention,
        Mention = new MentionContent { Text = "hi @u2 @u3", UserIds = all ? null : ["u2", "u3"], All = all },
    };

    /// <summary>Image content with an original and, optionally, a thumbnail.</summary>
    /// <param name="withThumbnail">Whether a thumbnail is given.</param>
    /// <returns>The content.</returns>
    public static MessageContent Image(bool withThumbnail = true) => new()
    {
        Type = ContentType.Image,
        Image = new ImageContent
        {
            Format = ImageFormat.Png,
            Original = new ImageVariant { Url = "https://cdn.example/o.png", Width = 800, Height = 600, Size = 12345, Uuid = "img-1" },
            Thumbnail = withThumbnail ? new ImageVariant { Url = "https://cdn.example/t.png", Width = 80, Height = 60, Size = 1234 } : null,
        },
    };

    /// <summary>Sound content.</summary>
    /// <returns>The content.</returns>
    public static MessageContent Sound() => new()
    {
        Type = ContentType.Sound,
        Sound = new SoundContent { Url = "https://cdn.example/a.m4a", DurationSeconds = 7, Size = 2048, Uuid = "snd-1" },
    };

    /// <summary>Video content with its thumbnail.</summary>
    /// <returns>The content.</returns>
    public static MessageContent Video() => new()
    {
        Type = ContentType.Video,
        Video = new VideoContent
        {
            Url = "https://cdn.example/v.mp4",
            Format = "mp4",
            Size = 1_048_576,
            DurationSeconds = 30,
            Uuid = "vid-1",
            Thumbnail = new VideoThumbnail { Url = "https://cdn.example/v.jpg", Width = 320, Height = 180, Size = 4096, Format = "jpg", Uuid = "snap-1" },
        },
    };

    /// <summary>File content.</summary>
    /// <returns>The content.</returns>
    public static MessageContent File() => new()
    {
        Type = ContentType.File,
        File = new FileContent { Url = "https://cdn.example/f.pdf", Name = "report.pdf", Size = 99_999 },
    };

    /// <summary>Custom content.</summary>
    /// <returns>The content.</returns>
    public static MessageContent Custom() => new()
    {
        Type = ContentType.Custom,
        Custom = new CustomContent { Data = "{\"k\":1}", Description = "desc", Extension = "ext" },
    };

    /// <summary>Notification content (users only).</summary>
    /// <param name="faceUrl">The icon URL (OpenIM v2 requires one).</param>
    /// <returns>The content.</returns>
    public static MessageContent Notification(string? faceUrl = "https://cdn.example/sys.png") => new()
    {
        Type = ContentType.Notification,
        Notification = new NotificationContent
        {
            Title = "System",
            Text = "Maintenance tonight",
            Type = 1,
            FaceUrl = faceUrl,
            Url = "https://example.com/n",
            MixType = 0,
        },
    };

    /// <summary>Location content.</summary>
    /// <returns>The content.</returns>
    public static MessageContent Location() => new()
    {
        Type = ContentType.Location,
        Location = new LocationContent { Description = "Office", Latitude = 1.3, Longitude = 103.8 },
    };

    /// <summary>Face (sticker) content.</summary>
    /// <returns>The content.</returns>
    public static MessageContent Face() => new()
    {
        Type = ContentType.Face,
        Face = new FaceContent { Index = 3 },
    };

    /// <summary>Every content type, each with its sample.</summary>
    /// <returns>The contents.</returns>
    public static IEnumerable<MessageContent> EveryContent() =>
        [TextContent(), Mention(), Image(), Sound(), Video(), File(), Location(), Face(), Custom(), Notification()];
}
