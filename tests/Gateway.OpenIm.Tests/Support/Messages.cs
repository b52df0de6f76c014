using Gateway.Core.Contracts;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>Sample commands, one per content type, with the values the literal wire JSON in the tests expects.</summary>
internal static class Messages
{
    private static int _counter;

    public static string NewId(string prefix = "m") => $"{prefix}-{Interlocked.Increment(ref _counter):D4}-{Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public static SendMessage ToUsers(MessageContent content, params string[] to) => new()
    {
        MessageId = NewId(),
        To = to,
        Content = content,
    };

    public static SendMessage ToGroup(MessageContent content, string groupId = "g1") => new()
    {
        MessageId = NewId(),
        GroupId = groupId,
        Content = content,
    };

    public static MessageContent Text(string text = "hello") => MessageContent.FromText(text);

    public static MessageContent Mention(bool all = false) => new()
    {
        Type = ContentType.Mention,
        Mention = new MentionContent { Text = "hi @u2 @u3", UserIds = all ? null : ["u2", "u3"], All = all },
    };

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

    public static MessageContent Sound() => new()
    {
        Type = ContentType.Sound,
        Sound = new SoundContent { Url = "https://cdn.example/a.m4a", DurationSeconds = 7, Size = 2048, Uuid = "snd-1" },
    };

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

    public static MessageContent File() => new()
    {
        Type = ContentType.File,
        File = new FileContent { Url = "https://cdn.example/f.pdf", Name = "report.pdf", Size = 99_999 },
    };

    public static MessageContent Custom() => new()
    {
        Type = ContentType.Custom,
        Custom = new CustomContent { Data = "{\"k\":1}", Description = "desc", Extension = "ext" },
    };

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

    public static MessageContent Location() => new()
    {
        Type = ContentType.Location,
        Location = new LocationContent { Description = "Office", Latitude = 1.3, Longitude = 103.8 },
    };

    public static MessageContent Face() => new()
    {
        Type = ContentType.Face,
        Face = new FaceContent { Index = 3 },
    };
}
