namespace Gateway.Core.Contracts;

/// <summary>
/// A message's content: a <see cref="Type"/> plus exactly one object, the one named after the type.
/// The shape is flat (no polymorphic JSON) so that any language can publish it.
/// </summary>
public sealed record MessageContent
{
    /// <summary>Gets the content type; the property of the same name must be set and all others left out.</summary>
    public required ContentType Type { get; init; }

    /// <summary>Gets the text content, for <see cref="ContentType.Text"/>.</summary>
    public TextContent? Text { get; init; }

    /// <summary>Gets the mention content, for <see cref="ContentType.Mention"/>.</summary>
    public MentionContent? Mention { get; init; }

    /// <summary>Gets the image content, for <see cref="ContentType.Image"/>.</summary>
    public ImageContent? Image { get; init; }

    /// <summary>Gets the sound content, for <see cref="ContentType.Sound"/>.</summary>
    public SoundContent? Sound { get; init; }

    /// <summary>Gets the video content, for <see cref="ContentType.Video"/>.</summary>
    public VideoContent? Video { get; init; }

    /// <summary>Gets the file content, for <see cref="ContentType.File"/>.</summary>
    public FileContent? File { get; init; }

    /// <summary>Gets the location content, for <see cref="ContentType.Location"/>.</summary>
    public LocationContent? Location { get; init; }

    /// <summary>Gets the face (sticker) content, for <see cref="ContentType.Face"/>.</summary>
    public FaceContent? Face { get; init; }

    /// <summary>Gets the custom content, for <see cref="ContentType.Custom"/>.</summary>
    public CustomContent? Custom { get; init; }

    /// <summary>Gets the notification content, for <see cref="ContentType.Notification"/>.</summary>
    public NotificationContent? Notification { get; init; }

    /// <summary>Creates text content.</summary>
    /// <param name="text">The text; must not be empty.</param>
    /// <returns>The content.</returns>
    public static MessageContent FromText(string text) =>
        new() { Type = ContentType.Text, Text = new TextContent { Text = text } };
}
