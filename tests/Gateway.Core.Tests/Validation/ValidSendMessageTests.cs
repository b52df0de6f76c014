using Gateway.Core.Contracts;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Validation;

/// <summary>
/// The allocation-free fast path must give the validator's answer for every command: a command it wrongly accepts
/// would reach a provider unvalidated. Every sample, boundary and single-rule breakage of the validator's tests, plus
/// breakages of the nested content rules, is put to both.
/// </summary>
public class ValidSendMessageTests
{
    private const int MaxRecipients = 3;

    public static TheoryData<string, SendMessage> Commands()
    {
        var data = new TheoryData<string, SendMessage>();
        foreach (var row in SendMessageValidatorTests.ValidSamples())
        {
            data.Add((string)row[0], (SendMessage)row[1]);
        }

        foreach (var row in SendMessageValidatorTests.Boundaries)
        {
            data.Add((string)row[0], (SendMessage)row[1]);
        }

        foreach (var row in SendMessageValidatorTests.BrokenRules)
        {
            data.Add((string)row[0], (SendMessage)row[1]);
        }

        foreach (var (name, command) in ContentBreakages())
        {
            data.Add(name, command);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Check_AnyCommand_AgreesWithTheValidator(string name, SendMessage command)
    {
        var validator = new SendMessageValidator(Options.Create(new GatewayOptions { MaxRecipients = MaxRecipients }));

        var expected = validator.Validate(command).IsValid;

        Assert.True(expected == ValidSendMessage.Check(command, MaxRecipients), $"{name}: validator says {(expected ? "valid" : "invalid")}");
    }

    [Fact]
    public void Commands_CoverBothAnswers()
    {
        var validator = new SendMessageValidator(Options.Create(new GatewayOptions { MaxRecipients = MaxRecipients }));
        var answers = Commands().Select(row => validator.Validate((SendMessage)row[1]).IsValid).ToList();

        Assert.True(answers.Count(valid => valid) >= 20, "too few valid commands to compare");
        Assert.True(answers.Count(valid => !valid) >= 40, "too few invalid commands to compare");
    }

    /// <summary>Breakages the validator's own table leaves to the nested validators' tests: one per nested rule.</summary>
    private static IEnumerable<(string Name, SendMessage Command)> ContentBreakages()
    {
        var image = Samples.Image().Image!;
        var video = Samples.Video().Video!;
        var sound = Samples.Sound().Sound!;
        var file = Samples.File().File!;
        var location = Samples.Location().Location!;
        var notification = Samples.Notification().Notification!;
        var mention = Samples.Mention().Mention!;

        yield return ("no recipients kind", Samples.Text() with { To = null });
        yield return ("both recipient kinds", Samples.Text() with { GroupId = "g" });
        yield return ("to empty", Samples.Text() with { To = [] });
        yield return ("to over the maximum", Samples.Text() with { To = ["a", "b", "c", "d"] });
        yield return ("to with a blank id", Samples.Text() with { To = ["a", " "] });
        yield return ("to with a long id", Samples.Text() with { To = [new string('u', 129)] });
        yield return ("to with a duplicate", Samples.Text() with { To = ["a", "b", "a"] });
        yield return ("groupId blank", Samples.ToGroup(Samples.Custom(), " "));
        yield return ("groupId too long", Samples.ToGroup(Samples.Custom(), new string('g', 129)));
        yield return ("provider too long", Samples.Text() with { Provider = new string('p', 129) });
        yield return ("messageId blank", Samples.Text() with { MessageId = "  " });
        yield return ("sender userId too long", Samples.Text() with { Sender = new MessageSender { UserId = new string('s', 129) } });
        yield return ("content missing", Samples.Text() with { Content = null! });
        yield return ("content type unknown", Samples.Text() with { Content = Samples.TextContent() with { Type = (ContentType)999 } });
        yield return ("content type without its object", Samples.Text() with { Content = new MessageContent { Type = ContentType.Custom } });
        yield return ("content with a second object", Samples.Text() with { Content = Samples.TextContent() with { Custom = Samples.Custom().Custom } });
        yield return ("content object of another type", Samples.Text() with { Content = Samples.TextContent() with { Type = ContentType.Face } });
        yield return ("text blank", Samples.Text() with { Content = Samples.TextContent(" ") });
        yield return ("mention to users", Samples.ToUsers(Samples.Mention()));
        yield return ("notification to a group", Samples.ToGroup(Samples.Notification()));
        yield return ("mention text blank", Samples.ToGroup(Samples.Mention() with { Mention = mention with { Text = "" } }));
        yield return ("mention nobody", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = null, All = false } }));
        yield return ("mention empty list", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = [], All = false } }));
        yield return ("mention everyone and an empty list", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = [], All = true } }));
        yield return ("mention over 1000", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = [.. Enumerable.Range(0, 1001).Select(i => $"u{i}")] } }));
        yield return ("mention duplicate", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = ["a", "a"] } }));
        yield return ("mention many with a late duplicate", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = [.. Enumerable.Range(0, 40).Select(i => $"u{i}"), "u3"] } }));
        yield return ("mention blank id", Samples.ToGroup(Samples.Mention() with { Mention = mention with { UserIds = ["a", ""] } }));
        yield return ("image format unknown", Samples.ToUsers(Samples.Image() with { Image = image with { Format = (ImageFormat)99 } }));
        yield return ("image original missing", Samples.ToUsers(Samples.Image() with { Image = image with { Original = null! } }));
        yield return ("image url blank", Samples.ToUsers(Samples.Image() with { Image = image with { Original = image.Original with { Url = "" } } }));
        yield return ("image width zero", Samples.ToUsers(Samples.Image() with { Image = image with { Original = image.Original with { Width = 0 } } }));
        yield return ("image height zero", Samples.ToUsers(Samples.Image() with { Image = image with { Original = image.Original with { Height = 0 } } }));
        yield return ("image size negative", Samples.ToUsers(Samples.Image() with { Image = image with { Original = image.Original with { Size = -1 } } }));
        yield return ("image large broken", Samples.ToUsers(Samples.Image() with { Image = image with { Large = image.Original with { Width = 0 } } }));
        yield return ("image thumbnail broken", Samples.ToUsers(Samples.Image() with { Image = image with { Thumbnail = image.Original with { Url = " " } } }));
        yield return ("sound url blank", Samples.ToUsers(Samples.Sound() with { Sound = sound with { Url = "" } }));
        yield return ("sound zero seconds", Samples.ToUsers(Samples.Sound() with { Sound = sound with { DurationSeconds = 0 } }));
        yield return ("sound size negative", Samples.ToUsers(Samples.Sound() with { Sound = sound with { Size = -1 } }));
        yield return ("video url blank", Samples.ToUsers(Samples.Video() with { Video = video with { Url = "" } }));
        yield return ("video format blank", Samples.ToUsers(Samples.Video() with { Video = video with { Format = "" } }));
        yield return ("video size zero", Samples.ToUsers(Samples.Video() with { Video = video with { Size = 0 } }));
        yield return ("video zero seconds", Samples.ToUsers(Samples.Video() with { Video = video with { DurationSeconds = 0 } }));
        yield return ("video thumbnail missing", Samples.ToUsers(Samples.Video() with { Video = video with { Thumbnail = null! } }));
        yield return ("video thumbnail width zero", Samples.ToUsers(Samples.Video() with { Video = video with { Thumbnail = video.Thumbnail with { Width = 0 } } }));
        yield return ("video thumbnail format blank", Samples.ToUsers(Samples.Video() with { Video = video with { Thumbnail = video.Thumbnail with { Format = " " } } }));
        yield return ("video thumbnail size negative", Samples.ToUsers(Samples.Video() with { Video = video with { Thumbnail = video.Thumbnail with { Size = -1 } } }));
        yield return ("file url blank", Samples.ToUsers(Samples.File() with { File = file with { Url = "" } }));
        yield return ("file name blank", Samples.ToUsers(Samples.File() with { File = file with { Name = "" } }));
        yield return ("file size zero", Samples.ToUsers(Samples.File() with { File = file with { Size = 0 } }));
        yield return ("location description blank", Samples.ToUsers(Samples.Location() with { Location = location with { Description = "" } }));
        yield return ("latitude past the pole", Samples.ToUsers(Samples.Location() with { Location = location with { Latitude = 90.0001 } }));
        yield return ("longitude past the date line", Samples.ToUsers(Samples.Location() with { Location = location with { Longitude = -180.0001 } }));
        yield return ("latitude not a number", Samples.ToUsers(Samples.Location() with { Location = location with { Latitude = double.NaN } }));
        yield return ("face index negative", Samples.ToUsers(Samples.Face() with { Face = new FaceContent { Index = -1 } }));
        yield return ("custom data blank", Samples.ToUsers(Samples.Custom() with { Custom = Samples.Custom().Custom! with { Data = "" } }));
        yield return ("notification title blank", Samples.ToUsers(Samples.Notification() with { Notification = notification with { Title = "" } }));
        yield return ("notification text blank", Samples.ToUsers(Samples.Notification() with { Notification = notification with { Text = "" } }));
        yield return ("notification type zero", Samples.ToUsers(Samples.Notification() with { Notification = notification with { Type = 0 } }));
        yield return ("notification mixType 6", Samples.ToUsers(Samples.Notification() with { Notification = notification with { MixType = 6 } }));
        yield return ("notification mixType negative", Samples.ToUsers(Samples.Notification() with { Notification = notification with { MixType = -1 } }));
        yield return ("lifetime negative", Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = -1 } });
        yield return ("priority unknown on a group", Samples.ToGroup(Samples.Custom()) with { Options = new MessageOptions { Priority = (MessagePriority)42 } });
    }
}
