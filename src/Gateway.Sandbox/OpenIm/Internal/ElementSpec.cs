namespace Gateway.Sandbox.OpenIm.Internal;

/// <summary>The Go type of a content element field, for <c>mapstructure.WeakDecode</c>.</summary>
internal enum WeakKind
{
    String,
    Int,
    Bool,
    StringSlice,
    Struct,
    StructPointer,
}

/// <summary>One field of a content element struct: mapstructure key, Go name, kind, <c>validate</c> tag, nested struct.</summary>
internal sealed record ElementField(string Key, string GoName, WeakKind Kind, string? Validate = null, ElementSpec? Nested = null);

/// <summary>A content element struct (<c>apistruct.TextElem</c> and friends).</summary>
internal sealed record ElementSpec(string GoType, IReadOnlyList<ElementField> Fields);

/// <summary>The element structs of the v3 API (openimsdk/open-im-server pkg/apistruct/msg.go) and of v2.0.8 (management_chat.go).</summary>
internal static class ElementSpecs
{
    private static readonly ElementSpec PictureBaseInfo = new("PictureBaseInfo",
    [
        new("uuid", "UUID", WeakKind.String),
        new("type", "Type", WeakKind.String, "required"),
        new("size", "Size", WeakKind.Int),
        new("width", "Width", WeakKind.Int, "required"),
        new("height", "Height", WeakKind.Int, "required"),
        new("url", "Url", WeakKind.String, "required"),
    ]);

    public static readonly ElementSpec Text = new("TextElem", [new("content", "Content", WeakKind.String, "required")]);

    public static readonly ElementSpec Picture = new("PictureElem",
    [
        new("sourcePath", "SourcePath", WeakKind.String),
        new("sourcePicture", "SourcePicture", WeakKind.Struct, "required", PictureBaseInfo),
        new("bigPicture", "BigPicture", WeakKind.Struct, "required", PictureBaseInfo),
        new("snapshotPicture", "SnapshotPicture", WeakKind.Struct, "required", PictureBaseInfo),
    ]);

    public static readonly ElementSpec Sound = new("SoundElem",
    [
        new("uuid", "UUID", WeakKind.String),
        new("soundPath", "SoundPath", WeakKind.String),
        new("sourceUrl", "SourceURL", WeakKind.String, "required"),
        new("dataSize", "DataSize", WeakKind.Int),
        new("duration", "Duration", WeakKind.Int, "required,min=1"),
    ]);

    public static readonly ElementSpec Video = new("VideoElem",
    [
        new("videoPath", "VideoPath", WeakKind.String),
        new("videoUUID", "VideoUUID", WeakKind.String),
        new("videoUrl", "VideoURL", WeakKind.String, "required"),
        new("videoType", "VideoType", WeakKind.String, "required"),
        new("videoSize", "VideoSize", WeakKind.Int, "required"),
        new("duration", "Duration", WeakKind.Int, "required"),
        new("snapshotPath", "SnapshotPath", WeakKind.String),
        new("snapshotUUID", "SnapshotUUID", WeakKind.String),
        new("snapshotSize", "SnapshotSize", WeakKind.Int),
        new("snapshotUrl", "SnapshotURL", WeakKind.String, "required"),
        new("snapshotWidth", "SnapshotWidth", WeakKind.Int, "required"),
        new("snapshotHeight", "SnapshotHeight", WeakKind.Int, "required"),
    ]);

    public static readonly ElementSpec File = new("FileElem",
    [
        new("filePath", "FilePath", WeakKind.String),
        new("uuid", "UUID", WeakKind.String),
        new("sourceUrl", "SourceURL", WeakKind.String, "required"),
        new("fileName", "FileName", WeakKind.String, "required"),
        new("fileSize", "FileSize", WeakKind.Int, "required"),
    ]);

    public static readonly ElementSpec At = new("AtElem",
    [
        new("text", "Text", WeakKind.String),
        new("atUserList", "AtUserList", WeakKind.StringSlice, "required,max=1000"),
        new("isAtSelf", "IsAtSelf", WeakKind.Bool),
    ]);

    public static readonly ElementSpec Custom = new("CustomElem",
    [
        new("data", "Data", WeakKind.String, "required"),
        new("description", "Description", WeakKind.String),
        new("extension", "Extension", WeakKind.String),
    ]);

    public static readonly ElementSpec OaNotification = new("OANotificationElem",
    [
        new("notificationName", "NotificationName", WeakKind.String, "required"),
        new("notificationFaceURL", "NotificationFaceURL", WeakKind.String),
        new("notificationType", "NotificationType", WeakKind.Int, "required"),
        new("text", "Text", WeakKind.String, "required"),
        new("url", "Url", WeakKind.String),
        new("mixType", "MixType", WeakKind.Int, "gte=0,lte=5"),
        new("pictureElem", "PictureElem", WeakKind.StructPointer, null, Picture),
        new("soundElem", "SoundElem", WeakKind.StructPointer, null, Sound),
        new("videoElem", "VideoElem", WeakKind.StructPointer, null, Video),
        new("fileElem", "FileElem", WeakKind.StructPointer, null, File),
        new("ex", "Ex", WeakKind.String),
    ]);

    /// <summary>Gets the v3 element of a contentType accepted by <c>/msg/send_msg</c> (v3.8.x set), or <see langword="null"/>.</summary>
    public static ElementSpec? V3(long contentType) => contentType switch
    {
        101 => Text,
        102 => Picture,
        103 => Sound,
        104 => Video,
        105 => File,
        106 => At,
        110 => Custom,
        1400 => OaNotification,
        _ => null,
    };

    // v2.0.8: only Text, Custom, Revoke and the OA notification carry validate tags.
    private static readonly ElementSpec V2PictureBase = new("PictureBaseInfo",
    [
        new("uuid", "UUID", WeakKind.String), new("type", "Type", WeakKind.String), new("size", "Size", WeakKind.Int),
        new("width", "Width", WeakKind.Int), new("height", "Height", WeakKind.Int), new("url", "Url", WeakKind.String),
    ]);

    private static readonly ElementSpec V2Picture = new("PictureElem",
    [
        new("sourcePath", "SourcePath", WeakKind.String),
        new("sourcePicture", "SourcePicture", WeakKind.Struct, null, V2PictureBase),
        new("bigPicture", "BigPicture", WeakKind.Struct, null, V2PictureBase),
        new("snapshotPicture", "SnapshotPicture", WeakKind.Struct, null, V2PictureBase),
    ]);

    private static readonly ElementSpec V2Sound = new("SoundElem",
    [
        new("uuid", "UUID", WeakKind.String), new("soundPath", "SoundPath", WeakKind.String), new("sourceUrl", "SourceURL", WeakKind.String),
        new("dataSize", "DataSize", WeakKind.Int), new("duration", "Duration", WeakKind.Int),
    ]);

    private static readonly ElementSpec V2Video = new("VideoElem",
    [
        new("videoPath", "VideoPath", WeakKind.String), new("videoUUID", "VideoUUID", WeakKind.String), new("videoUrl", "VideoURL", WeakKind.String),
        new("videoType", "VideoType", WeakKind.String), new("videoSize", "VideoSize", WeakKind.Int), new("duration", "Duration", WeakKind.Int),
        new("snapshotPath", "SnapshotPath", WeakKind.String), new("snapshotUUID", "SnapshotUUID", WeakKind.String), new("snapshotSize", "SnapshotSize", WeakKind.Int),
        new("snapshotUrl", "SnapshotURL", WeakKind.String), new("snapshotWidth", "SnapshotWidth", WeakKind.Int), new("snapshotHeight", "SnapshotHeight", WeakKind.Int),
    ]);

    private static readonly ElementSpec V2File = new("FileElem",
    [
        new("filePath", "FilePath", WeakKind.String), new("uuid", "UUID", WeakKind.String), new("sourceUrl", "SourceURL", WeakKind.String),
        new("fileName", "FileName", WeakKind.String), new("fileSize", "FileSize", WeakKind.Int),
    ]);

    private static readonly ElementSpec V2Text = new("TextElem", [new("text", "Text", WeakKind.String, "required")]);

    private static readonly ElementSpec V2Revoke = new("RevokeElem", [new("revokeMsgClientID", "RevokeMsgClientID", WeakKind.String, "required")]);

    private static readonly ElementSpec V2OaNotification = new("OANotificationElem",
    [
        new("notificationName", "NotificationName", WeakKind.String, "required"),
        new("notificationFaceURL", "NotificationFaceURL", WeakKind.String, "required"),
        new("notificationType", "NotificationType", WeakKind.Int, "required"),
        new("text", "Text", WeakKind.String, "required"),
        new("url", "Url", WeakKind.String),
        new("mixType", "MixType", WeakKind.Int),
        new("pictureElem", "PictureElem", WeakKind.Struct, null, V2Picture),
        new("soundElem", "SoundElem", WeakKind.Struct, null, V2Sound),
        new("videoElem", "VideoElem", WeakKind.Struct, null, V2Video),
        new("fileElem", "FileElem", WeakKind.Struct, null, V2File),
        new("ex", "Ex", WeakKind.String),
    ]);

    /// <summary>Gets the v2.0.8 element of a contentType accepted by <c>/manager/send_msg</c>, or <see langword="null"/>.</summary>
    public static ElementSpec? V2(long contentType) => contentType switch
    {
        101 => V2Text,
        102 => V2Picture,
        103 => V2Sound,
        104 => V2Video,
        105 => V2File,
        110 => Custom,
        111 => V2Revoke,
        1400 => V2OaNotification,
        _ => null,
    };
}
