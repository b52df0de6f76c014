using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Testing;
using Gateway.TencentIm.Mapping;
using Gateway.TencentIm.Serialization;

namespace Gateway.TencentIm.Tests.Mapping;

/// <summary>The exact wire JSON of every content type and option; expected JSON is written from the reference (§3–§5).</summary>
public sealed class TencentImMessageMapperTests
{
    public static TheoryData<string, MessageContent, string> Contents => new()
    {
        {
            "text", MessageContent.FromText("hello"),
            """[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]"""
        },
        {
            "image with every variant",
            new MessageContent
            {
                Type = ContentType.Image,
                Image = new ImageContent
                {
                    Format = ImageFormat.Png,
                    Original = new ImageVariant { Url = "https://cdn.example/o.png", Width = 1024, Height = 768, Size = 20480, Uuid = "img-1" },
                    Large = new ImageVariant { Url = "https://cdn.example/l.png", Width = 640, Height = 480, Size = 8192 },
                    Thumbnail = new ImageVariant { Url = "https://cdn.example/t.png", Width = 198, Height = 148, Size = 2048 },
                },
            },
            """
            [{"MsgType":"TIMImageElem","MsgContent":{"UUID":"img-1","ImageFormat":3,"ImageInfoArray":[
              {"Type":1,"Size":20480,"Width":1024,"Height":768,"URL":"https://cdn.example/o.png"},
              {"Type":2,"Size":8192,"Width":640,"Height":480,"URL":"https://cdn.example/l.png"},
              {"Type":3,"Size":2048,"Width":198,"Height":148,"URL":"https://cdn.example/t.png"}]}}]
            """
        },
        {
            "image, original only",
            new MessageContent
            {
                Type = ContentType.Image,
                Image = new ImageContent { Format = ImageFormat.Jpg, Original = new ImageVariant { Url = "https://cdn.example/o.jpg", Width = 10, Height = 20, Size = 300 } },
            },
            """[{"MsgType":"TIMImageElem","MsgContent":{"ImageFormat":1,"ImageInfoArray":[{"Type":1,"Size":300,"Width":10,"Height":20,"URL":"https://cdn.example/o.jpg"}]}}]"""
        },
        {
            "sound",
            new MessageContent { Type = ContentType.Sound, Sound = new SoundContent { Url = "https://cdn.example/a.m4a", DurationSeconds = 12, Size = 4096, Uuid = "snd-1" } },
            """[{"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://cdn.example/a.m4a","UUID":"snd-1","Size":4096,"Second":12,"Download_Flag":2}}]"""
        },
        {
            "video",
            new MessageContent
            {
                Type = ContentType.Video,
                Video = new VideoContent
                {
                    Url = "https://cdn.example/v.mp4", Format = "mp4", Size = 1048576, DurationSeconds = 30, Uuid = "vid-1",
                    Thumbnail = new VideoThumbnail { Url = "https://cdn.example/v.jpg", Width = 320, Height = 180, Size = 9000, Format = "JPG", Uuid = "thumb-1" },
                },
            },
            """
            [{"MsgType":"TIMVideoFileElem","MsgContent":{"VideoUrl":"https://cdn.example/v.mp4","VideoUUID":"vid-1","VideoSize":1048576,"VideoSecond":30,
              "VideoFormat":"mp4","VideoDownloadFlag":2,"ThumbUrl":"https://cdn.example/v.jpg","ThumbUUID":"thumb-1","ThumbSize":9000,"ThumbWidth":320,
              "ThumbHeight":180,"ThumbFormat":"JPG","ThumbDownloadFlag":2}}]
            """
        },
        {
            "file",
            new MessageContent { Type = ContentType.File, File = new FileContent { Url = "https://cdn.example/r.pdf", Name = "report.pdf", Size = 123456, Uuid = "file-1" } },
            """[{"MsgType":"TIMFileElem","MsgContent":{"Url":"https://cdn.example/r.pdf","UUID":"file-1","FileSize":123456,"FileName":"report.pdf","Download_Flag":2}}]"""
        },
        {
            "location",
            new MessageContent { Type = ContentType.Location, Location = new LocationContent { Description = "Tencent Building", Latitude = 22.540503, Longitude = 113.934528 } },
            """[{"MsgType":"TIMLocationElem","MsgContent":{"Desc":"Tencent Building","Latitude":22.540503,"Longitude":113.934528}}]"""
        },
        {
            "face",
            new MessageContent { Type = ContentType.Face, Face = new FaceContent { Index = 6, Data = "abc" } },
            """[{"MsgType":"TIMFaceElem","MsgContent":{"Index":6,"Data":"abc"}}]"""
        },
        {
            "custom",
            new MessageContent { Type = ContentType.Custom, Custom = new CustomContent { Data = "{\"kind\":\"gift\"}", Description = "You got a gift", Extension = "ext", Sound = "dingdong.aiff" } },
            """[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{\"kind\":\"gift\"}","Desc":"You got a gift","Ext":"ext","Sound":"dingdong.aiff"}}]"""
        },
        {
            "custom, data only",
            new MessageContent { Type = ContentType.Custom, Custom = new CustomContent { Data = "x" } },
            """[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"x"}}]"""
        },
        {
            "mention",
            new MessageContent { Type = ContentType.Mention, Mention = new MentionContent { Text = "@bob look", UserIds = ["bob"] } },
            """[{"MsgType":"TIMTextElem","MsgContent":{"Text":"@bob look"}}]"""
        },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void ToMsgBody_EachContentType_IsTheReferenceElement(string name, MessageContent content, string expected)
    {
        var actual = JsonSerializer.Serialize(TencentImMessageMapper.ToMsgBody(content), TencentImJsonContext.Default.IReadOnlyListTencentImMsgElement);

        JsonAssert.Equal(expected, actual, name);
    }

    [Fact]
    public void ToMsgBody_Notification_IsNotSupported()
    {
        var content = new MessageContent { Type = ContentType.Notification, Notification = new NotificationContent { Title = "t", Text = "x", Type = 1 } };

        Assert.Throws<NotSupportedException>(() => TencentImMessageMapper.ToMsgBody(content));
    }

    [Fact]
    public void ToSendMsg_MinimalMessage_HasOnlyTheRequiredFieldsAndAlwaysMsgSeq()
    {
        var message = new OutboundMessage { MessageId = "m-wire", Recipients = new UserRecipients(["alice"]), Content = MessageContent.FromText("hello") };

        var json = Serialize(message, "alice");

        JsonAssert.Equal("""
            {"To_Account":"alice","MsgSeq":2487001978,"MsgRandom":3711082910,
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]}
            """, json);
    }

    [Fact]
    public void ToSendMsg_EveryOption_MapsToTheReferenceFields()
    {
        var message = new OutboundMessage
        {
            MessageId = "m-wire",
            Sender = new MessageSender { UserId = "carol" },
            Recipients = new UserRecipients(["alice"]),
            Content = MessageContent.FromText("hello"),
            Options = new MessageOptions
            {
                LifetimeSeconds = 3600,
                SyncToSender = false,
                SendTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Extension = "cloud-data",
                OfflinePush = new OfflinePushOptions
                {
                    Title = "Title",
                    Body = "Body",
                    Extension = "{\"a\":1}",
                    IosSound = "a.caf",
                    IosBadge = false,
                    AndroidSound = "b.mp3",
                },
            },
        };

        var json = Serialize(message, "alice");

        JsonAssert.Equal("""
            {"SyncOtherMachine":2,"From_Account":"carol","To_Account":"alice","MsgLifeTime":3600,
             "MsgSeq":2487001978,"MsgRandom":3711082910,"MsgTimeStamp":1767225600,
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}],
             "CloudCustomData":"cloud-data",
             "OfflinePushInfo":{"PushFlag":0,"Title":"Title","Desc":"Body","Ext":"{\"a\":1}",
               "ApnsInfo":{"Sound":"a.caf","BadgeMode":1},"AndroidInfo":{"Sound":"b.mp3"}}}
            """, json);
    }

    [Theory]
    [InlineData(true, null, true, 0, 1)]
    [InlineData(false, 120, null, 120, null)]
    [InlineData(false, null, true, null, 1)]
    [InlineData(true, 3600, false, 0, 2)]
    public void ToSendMsg_OnlineOnlyLifetimeAndSync_MapToMsgLifeTimeAndSyncOtherMachine(bool onlineOnly, int? lifetime, bool? sync, int? expectedLifeTime, int? expectedSync)
    {
        var message = new OutboundMessage
        {
            MessageId = "m",
            Recipients = new UserRecipients(["alice"]),
            Content = MessageContent.FromText("x"),
            Options = new MessageOptions { OnlineOnly = onlineOnly, LifetimeSeconds = lifetime, SyncToSender = sync },
        };

        var node = JsonNode.Parse(Serialize(message, "alice"))!;

        Assert.Equal(expectedLifeTime, node["MsgLifeTime"]?.GetValue<int>());
        Assert.Equal(expectedSync, node["SyncOtherMachine"]?.GetValue<int>());
    }

    [Fact]
    public void ToSendMsg_PushDisabledAndBadgeCounted_MapToPushFlagAndBadgeMode()
    {
        var message = new OutboundMessage
        {
            MessageId = "m",
            Recipients = new UserRecipients(["alice"]),
            Content = MessageContent.FromText("x"),
            Options = new MessageOptions { OfflinePush = new OfflinePushOptions { Disabled = true, IosBadge = true } },
        };

        var node = JsonNode.Parse(Serialize(message, "alice"))!;

        JsonAssert.Equal("""{"PushFlag":1,"ApnsInfo":{"BadgeMode":0}}""", node["OfflinePushInfo"]!.ToJsonString());
    }

    [Fact]
    public void ToBatchSendMsg_Chunk_HasRecipientsArrayAndTheChunksPair()
    {
        var message = new OutboundMessage
        {
            MessageId = "m-wire",
            Sender = new MessageSender { UserId = "carol" },
            Recipients = new UserRecipients(["alice", "bob"]),
            Content = MessageContent.FromText("hello"),
            Options = new MessageOptions { OnlineOnly = true, Extension = "x" },
        };

        var request = TencentImMessageMapper.ToBatchSendMsg(message, ["alice", "bob"], 0, TencentImMessageMapper.ToMsgBody(message.Content));

        JsonAssert.Equal("""
            {"From_Account":"carol","To_Account":["alice","bob"],"MsgLifeTime":0,"MsgSeq":2682084298,"MsgRandom":72579520,
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}],"CloudCustomData":"x"}
            """, JsonSerializer.Serialize(request, TencentImJsonContext.Default.BatchSendMsgRequest));
    }

    [Fact]
    public void ToSendGroupMsg_MentionWithEveryOption_MapsToGroupFields()
    {
        var message = new OutboundMessage
        {
            MessageId = "m-wire",
            Sender = new MessageSender { UserId = "carol" },
            Recipients = new GroupRecipient("g1"),
            Content = new MessageContent { Type = ContentType.Mention, Mention = new MentionContent { Text = "@all @bob hi", UserIds = ["bob"], All = true } },
            Options = new MessageOptions
            {
                OnlineOnly = true,
                Priority = MessagePriority.High,
                Extension = "cloud",
                OfflinePush = new OfflinePushOptions { Title = "T", Body = "B" },
            },
        };

        var request = TencentImMessageMapper.ToSendGroupMsg(message, new GroupRecipient("g1"), TencentImMessageMapper.ToMsgBody(message.Content));

        JsonAssert.Equal("""
            {"GroupId":"g1","Random":3228054118,"MsgPriority":"High",
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"@all @bob hi"}}],
             "From_Account":"carol","OfflinePushInfo":{"PushFlag":0,"Title":"T","Desc":"B"},"OnlineOnlyFlag":1,
             "CloudCustomData":"cloud",
             "GroupAtInfo":[{"GroupAtAllFlag":1},{"GroupAtAllFlag":0,"GroupAt_Account":"bob"}]}
            """, JsonSerializer.Serialize(request, TencentImJsonContext.Default.SendGroupMsgRequest));
    }

    [Theory]
    [InlineData(MessagePriority.High, "High")]
    [InlineData(MessagePriority.Normal, "Normal")]
    [InlineData(MessagePriority.Low, "Low")]
    [InlineData(MessagePriority.Lowest, "Lowest")]
    public void Priority_EachValue_IsTheCaseSensitiveWireName(MessagePriority priority, string expected)
    {
        Assert.Equal(expected, TencentImMessageMapper.Priority(priority));
    }

    [Theory]
    [InlineData(ImageFormat.Jpg, 1)]
    [InlineData(ImageFormat.Gif, 2)]
    [InlineData(ImageFormat.Png, 3)]
    [InlineData(ImageFormat.Bmp, 4)]
    [InlineData(ImageFormat.Other, 255)]
    public void ImageFormatCode_EachFormat_IsTheReferenceNumber(ImageFormat format, int expected)
    {
        Assert.Equal(expected, TencentImMessageMapper.ImageFormatCode(format));
    }

    private static string Serialize(OutboundMessage message, string recipient) =>
        JsonSerializer.Serialize(
            TencentImMessageMapper.ToSendMsg(message, recipient, TencentImMessageMapper.ToMsgBody(message.Content)),
            TencentImJsonContext.Default.SendMsgRequest);

    [Fact]
    public void ToWithdraw_WithoutSender_IsSentAsTheAdmin()
    {
        var revoke = new OutboundRevoke { MessageId = "r", Conversation = new UserRecipients(["alice"]), ProviderMessageKey = "1_2_3" };

        var request = TencentImMessageMapper.ToWithdraw(revoke, "alice", "administrator");

        JsonAssert.Equal("""{"From_Account":"administrator","To_Account":"alice","MsgKey":"1_2_3"}""", JsonSerializer.Serialize(request, TencentImJsonContext.Default.AdminMsgWithdrawRequest));
    }

    [Fact]
    public void ToRecall_GroupKey_IsTheMsgSeq()
    {
        var revoke = new OutboundRevoke { MessageId = "r", Conversation = new GroupRecipient("g1"), ProviderMessageKey = "42" };

        var request = TencentImMessageMapper.ToRecall(revoke, new GroupRecipient("g1"));

        JsonAssert.Equal("""{"GroupId":"g1","MsgSeqList":[{"MsgSeq":42}]}""", JsonSerializer.Serialize(request, TencentImJsonContext.Default.GroupMsgRecallRequest));
    }
}
