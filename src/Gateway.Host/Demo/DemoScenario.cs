using Gateway.Core.Contracts;

namespace Gateway.Host.Demo;

/// <summary>
/// The demo's commands: every content type, a multi-recipient send, group sends, an invalid command, content a
/// provider cannot send, and one command swapped between providers by nothing but its <c>provider</c> field.
/// </summary>
internal static class DemoScenario
{
    public const string OpenIm = "openim";
    public const string Tencent = "tencent";

    public static IReadOnlyList<DemoStep> Sends() =>
    [
        new("text to one user (default provider)", Send("demo-text", to: ["alice"], content: MessageContent.FromText("Your order 1001 has shipped.")), OpenIm),
        new("text to three users (OpenIM batch_send_msg)", Send("demo-batch", to: ["alice", "bob", "carol"], content: MessageContent.FromText("Standup in 5 minutes")), OpenIm),
        new("mention in a group", Send("demo-mention", groupId: "team-backend", content: new MessageContent
        {
            Type = ContentType.Mention,
            Mention = new MentionContent { Text = "@bob please review", UserIds = ["bob"] },
        }), OpenIm),
        new("image", Send("demo-image", to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Image,
            Image = new ImageContent
            {
                Format = ImageFormat.Jpg,
                Original = new ImageVariant { Url = "https://cdn.example.com/p/88.jpg", Width = 1920, Height = 1080, Size = 482113 },
                Thumbnail = new ImageVariant { Url = "https://cdn.example.com/p/88-t.jpg", Width = 320, Height = 180, Size = 14020 },
            },
        }), OpenIm),
        new("sound", Send("demo-sound", Tencent, to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Sound,
            Sound = new SoundContent { Url = "https://cdn.example.com/v/5.m4a", DurationSeconds = 7, Size = 56320 },
        }), Tencent),
        new("video", Send("demo-video", to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Video,
            Video = new VideoContent
            {
                Url = "https://cdn.example.com/c/12.mp4",
                Format = "mp4",
                Size = 2097152,
                DurationSeconds = 15,
                Thumbnail = new VideoThumbnail { Url = "https://cdn.example.com/c/12.jpg", Width = 640, Height = 360, Size = 30210, Format = "jpg" },
            },
        }), OpenIm),
        new("file", Send("demo-file", Tencent, to: ["alice"], content: new MessageContent
        {
            Type = ContentType.File,
            File = new FileContent { Url = "https://cdn.example.com/f/invoice.pdf", Name = "invoice.pdf", Size = 88211 },
        }), Tencent),
        new("location", Send("demo-location", Tencent, to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Location,
            Location = new LocationContent { Description = "Pickup point 3", Latitude = 1.2834, Longitude = 103.8607 },
        }), Tencent),
        new("face (sticker)", Send("demo-face", Tencent, to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Face,
            Face = new FaceContent { Index = 12, Data = "thumbs-up" },
        }), Tencent),
        new("custom data to a group", Send("demo-custom", groupId: "shop-orders", content: new MessageContent
        {
            Type = ContentType.Custom,
            Custom = new CustomContent { Data = """{"kind":"order","id":1001}""", Description = "Order 1001" },
        }), OpenIm),
        new("notification", Send("demo-notification", to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Notification,
            Notification = new NotificationContent { Title = "Billing", Text = "Your invoice is ready", Type = 1 },
        }), OpenIm),
        new("text to three users (Tencent batchsendmsg)", Send("demo-batch-tencent", Tencent, to: ["alice", "bob", "carol"], content: MessageContent.FromText("Flash sale")), Tencent),
        new("group send with priority", Send("demo-group-tencent", Tencent, groupId: "team-backend", content: MessageContent.FromText("Release 9 is out"), options: new MessageOptions { Priority = MessagePriority.High }), Tencent),
        new("provider swap: the same command on OpenIM", Send("demo-swap-openim", OpenIm, to: ["alice"], content: MessageContent.FromText("Same command, two providers")), OpenIm),
        new("provider swap: the same command on Tencent", Send("demo-swap-tencent", Tencent, to: ["alice"], content: MessageContent.FromText("Same command, two providers")), Tencent),
        new("invalid command (empty text, recipient twice)", Send("demo-invalid", to: ["alice", "alice"], content: MessageContent.FromText(string.Empty)), "(none)", GatewayErrorCode.InvalidMessage),
        new("content the provider cannot send (location on OpenIM)", Send("demo-unsupported", OpenIm, to: ["alice"], content: new MessageContent
        {
            Type = ContentType.Location,
            Location = new LocationContent { Description = "Office", Latitude = 22.54, Longitude = 114.05 },
        }), OpenIm, GatewayErrorCode.InvalidMessage),
    ];

    /// <summary>The revoke of the Tencent half of the provider swap, once its key is known.</summary>
    public static DemoStep Revoke(string providerMessageKey) => new(
        "revoke the Tencent message of the swap",
        new RevokeMessage
        {
            MessageId = "demo-revoke",
            Provider = Tencent,
            Target = new RevokeTarget { To = "alice" },
            ProviderMessageKey = providerMessageKey,
        },
        Tencent);

    private static SendMessage Send(
        string id,
        string? provider = null,
        IReadOnlyList<string>? to = null,
        string? groupId = null,
        MessageContent? content = null,
        MessageOptions? options = null) => new()
        {
            MessageId = id,
            Provider = provider,
            To = to,
            GroupId = groupId,
            Content = content!,
            Options = options,
        };
}
