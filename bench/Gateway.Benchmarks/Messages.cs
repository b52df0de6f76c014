using Gateway.Core.Contracts;

namespace Gateway.Benchmarks;

/// <summary>The commands every benchmark uses: a short text and a three-rendition image.</summary>
internal static class Messages
{
    public static SendMessage Text(string id = "bench-text") => new()
    {
        MessageId = id,
        To = ["user-42"],
        Content = MessageContent.FromText("Your order 1001 has shipped."),
    };

    public static SendMessage Image(string id = "bench-image") => new()
    {
        MessageId = id,
        To = ["user-42"],
        Content = new MessageContent
        {
            Type = ContentType.Image,
            Image = new ImageContent
            {
                Format = ImageFormat.Jpg,
                Original = new ImageVariant { Url = "https://cdn.example.com/p/88.jpg", Width = 1920, Height = 1080, Size = 482113, Uuid = "p-88" },
                Large = new ImageVariant { Url = "https://cdn.example.com/p/88-l.jpg", Width = 1280, Height = 720, Size = 201774 },
                Thumbnail = new ImageVariant { Url = "https://cdn.example.com/p/88-t.jpg", Width = 320, Height = 180, Size = 14020 },
            },
        },
        Options = new MessageOptions { OfflinePush = new OfflinePushOptions { Title = "Shop", Body = "New photo" } },
    };

    public const string TextJson = """
        {"messageId":"order-1001-shipped","to":["user-42"],"content":{"type":"text","text":{"text":"Your order 1001 has shipped."}},"options":{"offlinePush":{"title":"Shop","body":"Order shipped"}}}
        """;
}
