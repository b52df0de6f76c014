using FluentValidation.TestHelper;
using Gateway.Core.Contracts;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.Options;
using static Gateway.Core.Validation.ValidationRules;

namespace Gateway.Core.Tests.Validation;

public class SendMessageValidatorTests
{
    /// <summary>Every content type as a valid command: to users and to a group, except where the type allows only one.</summary>
    public static TheoryData<string, SendMessage> ValidSamples()
    {
        var data = new TheoryData<string, SendMessage>();
        foreach (var content in Samples.EveryContent())
        {
            var type = content.Type.ToString().ToLowerInvariant();
            if (content.Type != ContentType.Mention)
            {
                data.Add(type + " to users", Samples.ToUsers(content));
            }

            if (content.Type != ContentType.Notification)
            {
                data.Add(type + " to a group", Samples.ToGroup(content));
            }
        }

        return data;
    }

    /// <summary>One row per rule of the model table: the command breaks exactly that rule.</summary>
    public static TheoryData<string, SendMessage, string, string> BrokenRules => new()
    {
        { "messageId missing", Samples.Text() with { MessageId = "" }, "messageId", Required },
        { "messageId too long", Samples.Text() with { MessageId = new string('m', 129) }, "messageId", Length },
        { "messageId with a line break", Samples.Text() with { MessageId = "order-1\nFORGED log line" }, "messageId", ValidationRules.Printable },
        { "provider with a tab", Samples.Text() with { Provider = "open\tim" }, "provider", ValidationRules.Printable },
        { "sender.userId with NUL", Samples.Text() with { Sender = new MessageSender { UserId = "a\0" } }, "sender.userId", ValidationRules.Printable },
        { "to entry with DEL", Samples.Text() with { To = ["alice", "b\u007Fob"] }, "to[1]", ValidationRules.Printable },
        { "groupId with a C1 control", Samples.ToGroup(Samples.Custom()) with { GroupId = "g\u0085" }, "groupId", ValidationRules.Printable },
        { "mention user with a line break", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { UserIds = ["a\r"] } }), "content.mention.userIds[0]", ValidationRules.Printable },
        { "provider empty", Samples.Text() with { Provider = "" }, "provider", Required },
        { "sender.userId empty", Samples.Text() with { Sender = new MessageSender { UserId = "" } }, "sender.userId", Required },
        { "sender.platformId zero", Samples.Text() with { Sender = new MessageSender { PlatformId = 0 } }, "sender.platformId", ValidationRules.Range },
        { "to and groupId", Samples.Text() with { GroupId = "g" }, "to", OneRecipientKind },
        { "neither to nor groupId", Samples.Text() with { To = null }, "to", OneRecipientKind },
        { "to empty", Samples.Text() with { To = [] }, "to", Count },
        { "to entry empty", Samples.Text() with { To = ["alice", ""] }, "to[1]", Required },
        { "to entry too long", Samples.Text() with { To = [new string('u', 129)] }, "to[0]", Length },
        { "to repeats", Samples.Text() with { To = ["alice", "bob", "alice"] }, "to", Distinct },
        { "groupId empty", Samples.ToGroup(Samples.Custom()) with { GroupId = "" }, "groupId", Required },
        { "content missing", Samples.Text() with { Content = null! }, "content", Required },
        { "content type unknown", Samples.Text() with { Content = new MessageContent { Type = 0, Text = new TextContent { Text = "x" } } }, "content.type", ValidationRules.Enum },
        { "content object missing", Samples.Text() with { Content = new MessageContent { Type = ContentType.Image } }, "content.image", ContentMatchesType },
        { "content object extra", Samples.Text() with { Content = MessageContent.FromText("x") with { Face = new FaceContent { Index = 1 } } }, "content.face", ContentMatchesType },
        { "text empty", Samples.Text() with { Content = MessageContent.FromText("") }, "content.text.text", Required },
        { "mention to users", Samples.ToUsers(Samples.Mention()), "content.type", GroupsOnly },
        { "mention text empty", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { Text = "" } }), "content.mention.text", Required },
        { "mention nobody", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { UserIds = [] } }), "content.mention.userIds", Required },
        { "mention repeats", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { UserIds = ["a", "a"] } }), "content.mention.userIds", Distinct },
        { "mention too many", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { UserIds = [.. Enumerable.Range(0, 1001).Select(i => $"u{i}")] } }), "content.mention.userIds", Count },
        { "image format unknown", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Format = 0 } }), "content.image.format", ValidationRules.Enum },
        { "image original missing", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Original = null! } }), "content.image.original", Required },
        { "image url empty", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Original = Samples.Image().Image!.Original with { Url = "" } } }), "content.image.original.url", Required },
        { "image width zero", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Original = Samples.Image().Image!.Original with { Width = 0 } } }), "content.image.original.width", ValidationRules.Range },
        { "image height zero", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Original = Samples.Image().Image!.Original with { Height = 0 } } }), "content.image.original.height", ValidationRules.Range },
        { "image size negative", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Original = Samples.Image().Image!.Original with { Size = -1 } } }), "content.image.original.size", ValidationRules.Range },
        { "image large broken", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Large = Samples.Image().Image!.Original with { Url = "" } } }), "content.image.large.url", Required },
        { "image thumbnail broken", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Thumbnail = Samples.Image().Image!.Original with { Width = -5 } } }), "content.image.thumbnail.width", ValidationRules.Range },
        { "sound url empty", Samples.ToUsers(Samples.Sound() with { Sound = Samples.Sound().Sound! with { Url = "" } }), "content.sound.url", Required },
        { "sound duration zero", Samples.ToUsers(Samples.Sound() with { Sound = Samples.Sound().Sound! with { DurationSeconds = 0 } }), "content.sound.durationSeconds", ValidationRules.Range },
        { "sound size negative", Samples.ToUsers(Samples.Sound() with { Sound = Samples.Sound().Sound! with { Size = -1 } }), "content.sound.size", ValidationRules.Range },
        { "video url empty", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Url = "" } }), "content.video.url", Required },
        { "video format empty", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Format = "" } }), "content.video.format", Required },
        { "video size zero", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Size = 0 } }), "content.video.size", ValidationRules.Range },
        { "video duration zero", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { DurationSeconds = 0 } }), "content.video.durationSeconds", ValidationRules.Range },
        { "video thumbnail missing", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = null! } }), "content.video.thumbnail", Required },
        { "video thumbnail url empty", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = Samples.Video().Video!.Thumbnail with { Url = "" } } }), "content.video.thumbnail.url", Required },
        { "video thumbnail width zero", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = Samples.Video().Video!.Thumbnail with { Width = 0 } } }), "content.video.thumbnail.width", ValidationRules.Range },
        { "video thumbnail height zero", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = Samples.Video().Video!.Thumbnail with { Height = 0 } } }), "content.video.thumbnail.height", ValidationRules.Range },
        { "video thumbnail size negative", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = Samples.Video().Video!.Thumbnail with { Size = -1 } } }), "content.video.thumbnail.size", ValidationRules.Range },
        { "video thumbnail format empty", Samples.ToUsers(Samples.Video() with { Video = Samples.Video().Video! with { Thumbnail = Samples.Video().Video!.Thumbnail with { Format = "" } } }), "content.video.thumbnail.format", Required },
        { "file url empty", Samples.ToUsers(Samples.File() with { File = Samples.File().File! with { Url = "" } }), "content.file.url", Required },
        { "file name empty", Samples.ToUsers(Samples.File() with { File = Samples.File().File! with { Name = "" } }), "content.file.name", Required },
        { "file size zero", Samples.ToUsers(Samples.File() with { File = Samples.File().File! with { Size = 0 } }), "content.file.size", ValidationRules.Range },
        { "location description empty", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Description = "" } }), "content.location.description", Required },
        { "latitude above 90", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Latitude = 90.5 } }), "content.location.latitude", ValidationRules.Range },
        { "latitude below -90", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Latitude = -91 } }), "content.location.latitude", ValidationRules.Range },
        { "longitude above 180", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Longitude = 180.01 } }), "content.location.longitude", ValidationRules.Range },
        { "longitude below -180", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Longitude = -181 } }), "content.location.longitude", ValidationRules.Range },
        { "face index negative", Samples.ToUsers(Samples.Face() with { Face = new FaceContent { Index = -1 } }), "content.face.index", ValidationRules.Range },
        { "custom data empty", Samples.ToUsers(Samples.Custom() with { Custom = new CustomContent { Data = "" } }), "content.custom.data", Required },
        { "notification to group", Samples.ToGroup(Samples.Notification()), "content.type", UsersOnly },
        { "notification title empty", Samples.ToUsers(Samples.Notification() with { Notification = Samples.Notification().Notification! with { Title = "" } }), "content.notification.title", Required },
        { "notification text empty", Samples.ToUsers(Samples.Notification() with { Notification = Samples.Notification().Notification! with { Text = "" } }), "content.notification.text", Required },
        { "notification type zero", Samples.ToUsers(Samples.Notification() with { Notification = Samples.Notification().Notification! with { Type = 0 } }), "content.notification.type", ValidationRules.Range },
        { "notification mixType 6", Samples.ToUsers(Samples.Notification() with { Notification = Samples.Notification().Notification! with { MixType = 6 } }), "content.notification.mixType", ValidationRules.Range },
        { "lifetime negative", Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = -1 } }, "options.lifetimeSeconds", ValidationRules.Range },
        { "lifetime over 7 days", Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 604_801 } }, "options.lifetimeSeconds", ValidationRules.Range },
        { "priority on users", Samples.Text() with { Options = new MessageOptions { Priority = MessagePriority.High } }, "options.priority", GroupsOnly },
        { "priority unknown", Samples.ToGroup(Samples.Custom()) with { Options = new MessageOptions { Priority = 0 } }, "options.priority", ValidationRules.Enum },
        { "sendTime before 1970", Samples.Text() with { Options = new MessageOptions { SendTime = DateTimeOffset.UnixEpoch.AddSeconds(-1) } }, "options.sendTime", ValidationRules.Range },
    };

    /// <summary>The passing side of the boundaries above.</summary>
    public static TheoryData<string, SendMessage> Boundaries => new()
    {
        { "messageId of 128", Samples.Text() with { MessageId = new string('m', 128) } },
        { "messageId of 1", Samples.Text() with { MessageId = "m" } },
        { "provider named", Samples.Text() with { Provider = "tencent-sg" } },
        { "sender with user and platform", Samples.Text() with { Sender = new MessageSender { UserId = "bot", PlatformId = 1 } } },
        { "to at the configured maximum", Samples.Text() with { To = ["a", "b", "c"] } },
        { "mention everyone without ids", Samples.ToGroup(Samples.Mention() with { Mention = new MentionContent { Text = "@all", All = true } }) },
        { "mention of 1000", Samples.ToGroup(Samples.Mention() with { Mention = Samples.Mention().Mention! with { UserIds = [.. Enumerable.Range(0, 1000).Select(i => $"u{i}")] } }) },
        { "image with every rendition", Samples.ToUsers(Samples.Image() with { Image = Samples.Image().Image! with { Large = Samples.Image().Image!.Original, Thumbnail = Samples.Image().Image!.Original with { Size = 0 } } }) },
        { "sound of one second", Samples.ToUsers(Samples.Sound() with { Sound = Samples.Sound().Sound! with { DurationSeconds = 1, Size = 0 } }) },
        { "poles and date line", Samples.ToUsers(Samples.Location() with { Location = Samples.Location().Location! with { Latitude = -90, Longitude = 180 } }) },
        { "face index zero", Samples.ToUsers(Samples.Face() with { Face = new FaceContent { Index = 0, Data = "x" } }) },
        { "notification mixType 0..5", Samples.ToUsers(Samples.Notification() with { Notification = Samples.Notification().Notification! with { MixType = 5 } }) },
        { "lifetime 0", Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 0 } } },
        { "lifetime of 7 days", Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 604_800 } } },
        { "priority on a group", Samples.ToGroup(Samples.Custom()) with { Options = new MessageOptions { Priority = MessagePriority.Lowest } } },
        { "every option", Samples.Text() with { Options = new MessageOptions { OnlineOnly = true, SyncToSender = false, SendTime = DateTimeOffset.UnixEpoch.AddDays(1), Extension = "x", OfflinePush = new OfflinePushOptions { Title = "t", Body = "b", IosBadge = true } } } },
    };

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Validate_ValidSampleOfEachContentType_HasNoErrors(string kind, SendMessage message)
    {
        var result = CreateSut().TestValidate(message);

        Assert.True(result.IsValid, $"{kind}: {ValidationFailures.ToError(result.Errors).Message}");
        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_OneRuleBroken_ReportsThatFieldAndRule(string rule, SendMessage message, string field, string code)
    {
        var error = Validate(message, maxRecipients: 3);

        Assert.NotNull(error);
        Assert.Equal(GatewayErrorCode.InvalidMessage, error.Code);
        Assert.False(error.Transient);
        Assert.True(
            error.Details!.Any(d => d.Field == field && d.Rule == code),
            $"{rule}: expected {field} / {code}, got {string.Join("; ", error.Details!.Select(d => $"{d.Field} / {d.Rule}"))}");
        Assert.Contains(field + ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Validate_ValueOnTheBoundary_HasNoErrors(string boundary, SendMessage message)
    {
        var error = Validate(message, maxRecipients: 3);

        Assert.True(error is null, $"{boundary}: {error?.Message}");
    }

    [Fact]
    public void Validate_MoreRecipientsThanConfigured_ReportsCountWithTheLimit()
    {
        var error = Validate(Samples.Text() with { To = ["a", "b", "c", "d"] }, maxRecipients: 3);

        var detail = Assert.Single(error!.Details!);
        Assert.Equal(("to", Count), (detail.Field, detail.Rule));
        Assert.Contains("1 to 3", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralRulesBroken_ListsEveryFailure()
    {
        var message = new SendMessage
        {
            MessageId = "",
            To = ["a", "a"],
            Content = new MessageContent { Type = ContentType.Sound, Sound = new SoundContent { Url = "", DurationSeconds = 0 } },
        };

        var error = Validate(message);

        Assert.Equal(
            ["messageId", "to", "content.sound.url", "content.sound.durationSeconds"],
            error!.Details!.Select(d => d.Field).ToArray());
    }

    private static GatewayError? Validate(SendMessage message, int maxRecipients = 10_000)
    {
        var result = CreateSut(maxRecipients).TestValidate(message);
        return result.IsValid ? null : ValidationFailures.ToError(result.Errors);
    }

    private static SendMessageValidator CreateSut(int maxRecipients = 10_000) =>
        new(Options.Create(new GatewayOptions { MaxRecipients = maxRecipients }));
}
