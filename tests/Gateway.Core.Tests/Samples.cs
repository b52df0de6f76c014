using Gateway.Core.Contracts;

namespace Gateway.Core.Tests;

/// <summary>Valid commands of every content type, for tests to start from and break one rule at a time.</summary>
internal static class Samples
{
    public static SendMessage Text(string id = "msg-1") => new()
    {
        MessageId = id,
        To = ["alice"],
        Content = MessageContent.FromText("hello"),
    };

    public static SendMessage ToGroup(MessageContent content) => new()
    {
        MessageId = "msg-g",
        GroupId = "group-1",
        Content = content,
    };

    public static SendMessage ToUsers(MessageContent content) => new()
    {
        MessageId = "msg-u",
        To = ["alice", "bob"],
        Content = content,
    };

    public static MessageContent Mention() => new()
    {
        Type = ContentType.Mention,
        Mention = new MentionContent { Text = "@bob look", UserIds = ["bob"] },
    };

    public static MessageContent Image() => new()
    {
        Type = ContentType.Image,
        Image = new ImageContent
        {
            Format = ImageFormat.Png,
            Original = new ImageVariant { Url = "https://cdn.example/o.png", Width = 800, Height = 600, Size = 120_000 },
        },
    };

    public static MessageContent Sound() => new()
    {
        Type = ContentType.Sound,
        Sound = new SoundContent { Url = "https://cdn.example/a.m4a", DurationSeconds = 3, Size = 4_000 },
    };

    public static MessageContent Video() => new()
    {
        Type = ContentType.Video,
        Video = new VideoContent
        {
            Url = "https://cdn.example/v.mp4",
            Format = "mp4",
            Size = 1_000_000,
            DurationSeconds = 12,
            Thumbnail = new VideoThumbnail { Url = "https://cdn.example/v.jpg", Width = 320, Height = 180, Size = 9_000, Format = "jpg" },
        },
    };

    public static MessageContent File() => new()
    {
        Type = ContentType.File,
        File = new FileContent { Url = "https://cdn.example/f.pdf", Name = "f.pdf", Size = 2_048 },
    };

    public static MessageContent Location() => new()
    {
        Type = ContentType.Location,
        Location = new LocationContent { Description = "Office", Latitude = 22.54, Longitude = 114.05 },
    };

    public static MessageContent Face() => new() { Type = ContentType.Face, Face = new FaceContent { Index = 3 } };

    public static MessageContent Custom() => new()
    {
        Type = ContentType.Custom,
        Custom = new CustomContent { Data = """{"kind":"order"}""" },
    };

    public static MessageContent Notification() => new()
    {
        Type = ContentType.Notification,
        Notification = new NotificationContent { Title = "Billing", Text = "Your invoice is ready", Type = 1 },
    };

    /// <summary>Every content type as a valid command (mention to a group, notification to users).</summary>
    public static TheoryData<string, SendMessage> AllValid() => new()
    {
        { "text", Text() },
        { "mention", ToGroup(Mention()) },
        { "image", ToUsers(Image()) },
        { "sound", ToUsers(Sound()) },
        { "video", ToUsers(Video()) },
        { "file", ToGroup(File()) },
        { "location", ToUsers(Location()) },
        { "face", ToUsers(Face()) },
        { "custom", ToGroup(Custom()) },
        { "notification", ToUsers(Notification()) },
    };
}
