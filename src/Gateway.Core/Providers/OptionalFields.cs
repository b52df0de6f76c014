namespace Gateway.Core.Providers;

/// <summary>
/// Optional fields of <see cref="Contracts.SendMessage"/> that a provider may not be able to honour.
/// When a message sets one its provider does not support, the field is ignored and reported in
/// <c>ignoredOptions</c> (or the message is rejected when the instance is strict).
/// </summary>
[Flags]
public enum OptionalFields
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>options.onlineOnly</c>.</summary>
    OnlineOnly = 1 << 0,

    /// <summary><c>options.lifetimeSeconds</c>.</summary>
    LifetimeSeconds = 1 << 1,

    /// <summary><c>options.syncToSender</c>.</summary>
    SyncToSender = 1 << 2,

    /// <summary><c>options.offlinePush</c> (title, body, extension).</summary>
    OfflinePush = 1 << 3,

    /// <summary><c>options.offlinePush.iosSound</c>.</summary>
    OfflinePushIosSound = 1 << 4,

    /// <summary><c>options.offlinePush.iosBadge</c>.</summary>
    OfflinePushIosBadge = 1 << 5,

    /// <summary><c>options.offlinePush.androidSound</c>.</summary>
    OfflinePushAndroidSound = 1 << 6,

    /// <summary><c>options.sendTime</c>.</summary>
    SendTime = 1 << 7,

    /// <summary><c>options.extension</c>.</summary>
    Extension = 1 << 8,

    /// <summary><c>options.priority</c>.</summary>
    Priority = 1 << 9,

    /// <summary><c>sender.nickname</c>.</summary>
    SenderNickname = 1 << 10,

    /// <summary><c>sender.faceUrl</c>.</summary>
    SenderFaceUrl = 1 << 11,

    /// <summary><c>sender.platformId</c>.</summary>
    SenderPlatformId = 1 << 12,

    /// <summary><c>content.custom.sound</c>.</summary>
    CustomSound = 1 << 13,

    /// <summary><c>options.offlinePush.disabled</c> set to <see langword="true"/>.</summary>
    OfflinePushDisabled = 1 << 14,
}
