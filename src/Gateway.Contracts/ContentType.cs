using System.Text.Json.Serialization;

namespace Gateway.Core.Contracts;

/// <summary>The kind of a message's content; selects which object of <see cref="MessageContent"/> is set.</summary>
[JsonConverter(typeof(LenientEnumConverter<ContentType>))]
public enum ContentType
{
    /// <summary>Plain text (<see cref="MessageContent.Text"/>).</summary>
    [JsonStringEnumMemberName("text")] Text = 1,

    /// <summary>Text that mentions group members (<see cref="MessageContent.Mention"/>); groups only.</summary>
    [JsonStringEnumMemberName("mention")] Mention,

    /// <summary>An image (<see cref="MessageContent.Image"/>).</summary>
    [JsonStringEnumMemberName("image")] Image,

    /// <summary>A voice clip (<see cref="MessageContent.Sound"/>).</summary>
    [JsonStringEnumMemberName("sound")] Sound,

    /// <summary>A video (<see cref="MessageContent.Video"/>).</summary>
    [JsonStringEnumMemberName("video")] Video,

    /// <summary>A file (<see cref="MessageContent.File"/>).</summary>
    [JsonStringEnumMemberName("file")] File,

    /// <summary>A geographic location (<see cref="MessageContent.Location"/>).</summary>
    [JsonStringEnumMemberName("location")] Location,

    /// <summary>An app-defined sticker (<see cref="MessageContent.Face"/>).</summary>
    [JsonStringEnumMemberName("face")] Face,

    /// <summary>App-defined data (<see cref="MessageContent.Custom"/>).</summary>
    [JsonStringEnumMemberName("custom")] Custom,

    /// <summary>A system notification to users (<see cref="MessageContent.Notification"/>); users only.</summary>
    [JsonStringEnumMemberName("notification")] Notification,
}
