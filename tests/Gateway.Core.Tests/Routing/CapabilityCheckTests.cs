using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Core.Validation;

namespace Gateway.Core.Tests.Routing;

public class CapabilityCheckTests
{
    [Fact]
    public void Check_ContentTypeNotSupported_NamesProviderAndField()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Text } });

        var (errors, _) = CapabilityCheck.Check(Samples.ToUsers(Samples.Location()), provider, strict: false);

        var error = Assert.Single(errors);
        Assert.Equal(("content.type", ValidationRules.Unsupported), (error.Field, error.Rule));
        Assert.Equal("'location' content is not supported by provider 'im' (Fake)", error.Message);
    }

    [Fact]
    public void Check_SupportedContentType_HasNoErrors()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Location } });

        var (errors, ignored) = CapabilityCheck.Check(Samples.ToUsers(Samples.Location()), provider, strict: false);

        Assert.Empty(errors);
        Assert.Empty(ignored);
    }

    [Theory]
    [InlineData(RecipientKinds.Users, "groupId")]
    [InlineData(RecipientKinds.Group, "to")]
    public void Check_RecipientKindNotSupported_NamesTheField(RecipientKinds supported, string field)
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { RecipientKinds = supported });
        var message = field == "to" ? Samples.Text() : Samples.ToGroup(Samples.Custom());

        var (errors, _) = CapabilityCheck.Check(message, provider, strict: false);

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_IdLongerThanProviderAllows_CountsUtf8Bytes()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { MaxIdBytes = 6 });
        // "ééé" is 3 characters but 6 bytes: allowed; "éééé" is 8 bytes: too long.
        var message = Samples.Text() with { To = ["ééé", "éééé"], Sender = new MessageSender { UserId = "abcdefg" } };

        var (errors, _) = CapabilityCheck.Check(message, provider, strict: false);

        Assert.Equal(["sender.userId", "to[1]"], errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Equal(ValidationRules.ProviderLimit, e.Rule));
        Assert.Contains("at most 6 bytes", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MentionedIdTooLong_NamesTheMentionEntry()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { MaxIdBytes = 3 });
        var message = Samples.ToGroup(Samples.Mention() with { Mention = new MentionContent { Text = "hi", UserIds = ["abc", "abcd"] } }) with { GroupId = "g" };

        var (errors, _) = CapabilityCheck.Check(message, provider, strict: false);

        Assert.Equal("content.mention.userIds[1]", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_UnsupportedOptionsNotStrict_IgnoresAndListsThem()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { SupportedFields = OptionalFields.OnlineOnly | OptionalFields.OfflinePush });
        var message = Samples.Text() with
        {
            Sender = new MessageSender { Nickname = "Bot" },
            Options = new MessageOptions
            {
                OnlineOnly = true,
                LifetimeSeconds = 60,
                SyncToSender = true,
                OfflinePush = new OfflinePushOptions { Title = "t", Disabled = true, AndroidSound = "ding" },
                Extension = "x",
            },
        };

        var (errors, ignored) = CapabilityCheck.Check(message, provider, strict: false);

        Assert.Empty(errors);
        Assert.Equal(
            ["options.lifetimeSeconds", "options.syncToSender", "options.offlinePush.disabled", "options.offlinePush.androidSound", "options.extension", "sender.nickname"],
            ignored);
    }

    [Fact]
    public void Check_UnsupportedOptionOnStrictInstance_RejectsNamingTheOption()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { SupportedFields = OptionalFields.None });
        var message = Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 60 } };

        var (errors, ignored) = CapabilityCheck.Check(message, provider, strict: true);

        var error = Assert.Single(errors);
        Assert.Equal(("options.lifetimeSeconds", ValidationRules.Unsupported), (error.Field, error.Rule));
        Assert.Contains("strict", error.Message, StringComparison.Ordinal);
        Assert.Empty(ignored);
    }

    [Fact]
    public void Check_OptionsLeftAtDefaults_AreNotReportedAsIgnored()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { SupportedFields = OptionalFields.None });
        var message = Samples.Text() with { Options = new MessageOptions { OnlineOnly = false, OfflinePush = new OfflinePushOptions { Disabled = false } } };

        var (_, ignored) = CapabilityCheck.Check(message, provider, strict: false);

        Assert.Empty(ignored);
    }

    [Fact]
    public void Check_FieldsPerShape_GroupAndSeveralUsersUseTheirOwnSets()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with
        {
            SupportedFields = OptionalFields.LifetimeSeconds | OptionalFields.SendTime,
            SupportedFieldsForSeveralUsers = OptionalFields.LifetimeSeconds,
            SupportedFieldsForGroups = OptionalFields.None,
        });
        var options = new MessageOptions { LifetimeSeconds = 60, SendTime = DateTimeOffset.UnixEpoch.AddDays(1) };

        var one = CapabilityCheck.Check(Samples.Text() with { Options = options }, provider, strict: false).Ignored;
        var several = CapabilityCheck.Check(Samples.ToUsers(Samples.Custom()) with { Options = options }, provider, strict: false).Ignored;
        var group = CapabilityCheck.Check(Samples.ToGroup(Samples.Custom()) with { Options = options }, provider, strict: false).Ignored;
        var strictGroup = CapabilityCheck.Check(Samples.ToGroup(Samples.Custom()) with { Options = options }, provider, strict: true).Errors;

        Assert.Empty(one);
        Assert.Equal(["options.sendTime"], several);
        Assert.Equal(["options.lifetimeSeconds", "options.sendTime"], group);
        Assert.Equal("is not supported for group messages by provider 'im' (Fake), which is configured strict", strictGroup[0].Message);
    }

    [Theory]
    [InlineData(RecipientKinds.None, "alice", null, "target.to", "revoking messages")]
    [InlineData(RecipientKinds.Users, null, "g", "target.groupId", "revoking group messages")]
    [InlineData(RecipientKinds.Group, "alice", null, "target.to", "revoking user messages")]
    public void Check_RevokeNotSupported_NamesTargetAndProvider(RecipientKinds revoke, string? to, string? groupId, string field, string what)
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities with { Revoke = revoke });
        var request = new RevokeMessage { MessageId = "r", ProviderMessageKey = "k", Target = new RevokeTarget { To = to, GroupId = groupId } };

        var error = Assert.Single(CapabilityCheck.Check(request, provider));

        Assert.Equal(field, error.Field);
        Assert.Equal($"{what} is not supported by provider 'im' (Fake)", error.Message);
    }

    [Fact]
    public void Check_RevokeSupported_HasNoErrors()
    {
        var provider = CreateProvider(FakeProviderFactory.AllCapabilities);
        var request = new RevokeMessage { MessageId = "r", ProviderMessageKey = "k", Target = new RevokeTarget { GroupId = "g" } };

        Assert.Empty(CapabilityCheck.Check(request, provider));
    }

    private static IMessageProvider CreateProvider(ProviderCapabilities capabilities)
    {
        var provider = Substitute.For<IMessageProvider>();
        provider.Name.Returns("im");
        provider.ProviderType.Returns("Fake");
        provider.Capabilities.Returns(capabilities);
        return provider;
    }
}
