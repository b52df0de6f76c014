using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Core.Validation;
using Gateway.Testing;

namespace Gateway.Core.Tests.Routing;

public class ProviderCheckTests
{
    [Fact]
    public void Check_ContentTypeNotSupported_NamesProviderAndField()
    {
        var (errors, _) = Check(Samples.Outbound(Samples.Location(), "alice", "bob"), FakeProvider.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Text } });

        var error = Assert.Single(errors);
        Assert.Equal(("content.type", ValidationRules.Unsupported), (error.Field, error.Rule));
        Assert.Equal("'location' content is not supported by provider 'im' (Fake)", error.Message);
    }

    [Fact]
    public void Check_SupportedContentType_HasNoErrors()
    {
        var (errors, ignored) = Check(Samples.Outbound(Samples.Location(), "alice", "bob"), FakeProvider.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Location } });

        Assert.Empty(errors);
        Assert.Empty(ignored);
    }

    [Theory]
    [InlineData(RecipientKinds.Users, "groupId")]
    [InlineData(RecipientKinds.Group, "to")]
    public void Check_RecipientKindNotSupported_NamesTheField(RecipientKinds supported, string field)
    {
        var message = field == "to" ? Samples.Outbound(Samples.TextContent()) : Samples.OutboundToGroup(Samples.Custom());

        var (errors, _) = Check(message, FakeProvider.AllCapabilities with { RecipientKinds = supported });

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_IdLongerThanProviderAllows_CountsUtf8Bytes()
    {
        // "ééé" is 3 characters but 6 bytes: allowed; "éééé" is 8 bytes: too long.
        var message = Samples.Outbound(Samples.TextContent(), "ééé", "éééé") with { Sender = new MessageSender { UserId = "abcdefg" } };

        var (errors, _) = Check(message, FakeProvider.AllCapabilities with { MaxIdBytes = 6 });

        Assert.Equal(["sender.userId", "to[1]"], errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Equal(ValidationRules.ProviderLimit, e.Rule));
        Assert.Contains("at most 6 bytes", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GroupIdLongerThanProviderAllows_NamesGroupId()
    {
        var (errors, _) = Check(Samples.OutboundToGroup(Samples.Custom(), "group-1"), FakeProvider.AllCapabilities with { MaxIdBytes = 3 });

        Assert.Equal(("groupId", ValidationRules.ProviderLimit), (Assert.Single(errors).Field, errors[0].Rule));
    }

    [Fact]
    public void Check_MentionedIdTooLong_NamesTheMentionEntry()
    {
        var message = Samples.OutboundToGroup(Samples.Mention() with { Mention = new MentionContent { Text = "hi", UserIds = ["abc", "abcd"] } }, "g");

        var (errors, _) = Check(message, FakeProvider.AllCapabilities with { MaxIdBytes = 3 });

        Assert.Equal("content.mention.userIds[1]", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_UnsupportedOptionsNotStrict_IgnoresAndListsThem()
    {
        var message = Samples.Outbound(Samples.TextContent()) with
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

        var (errors, ignored) = Check(message, FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.OnlineOnly | OptionalFields.OfflinePush });

        Assert.Empty(errors);
        Assert.Equal(
            ["options.lifetimeSeconds", "options.syncToSender", "options.offlinePush.disabled", "options.offlinePush.androidSound", "options.extension", "sender.nickname"],
            ignored);
    }

    [Fact]
    public void Check_UnsupportedOptionOnStrictInstance_RejectsNamingTheOption()
    {
        var message = Samples.Outbound(Samples.TextContent()) with { Options = new MessageOptions { LifetimeSeconds = 60 } };

        var (errors, ignored) = Check(message, FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None }, strict: true);

        var error = Assert.Single(errors);
        Assert.Equal(("options.lifetimeSeconds", ValidationRules.Unsupported), (error.Field, error.Rule));
        Assert.Contains("strict", error.Message, StringComparison.Ordinal);
        Assert.Empty(ignored);
    }

    [Fact]
    public void Check_OptionsLeftAtDefaults_AreNotReportedAsIgnored()
    {
        var message = Samples.Outbound(Samples.TextContent()) with { Options = new MessageOptions { OnlineOnly = false, OfflinePush = new OfflinePushOptions { Disabled = false } } };

        var (_, ignored) = Check(message, FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None });

        Assert.Empty(ignored);
    }

    [Fact]
    public void Check_FieldsPerShape_GroupAndSeveralUsersUseTheirOwnSets()
    {
        var capabilities = FakeProvider.AllCapabilities with
        {
            SupportedFields = OptionalFields.LifetimeSeconds | OptionalFields.SendTime,
            SupportedFieldsForSeveralUsers = OptionalFields.LifetimeSeconds,
            SupportedFieldsForGroups = OptionalFields.None,
        };
        var options = new MessageOptions { LifetimeSeconds = 60, SendTime = DateTimeOffset.UnixEpoch.AddDays(1) };

        var one = Check(Samples.Outbound(Samples.TextContent()) with { Options = options }, capabilities).Ignored;
        var several = Check(Samples.Outbound(Samples.Custom(), "alice", "bob") with { Options = options }, capabilities).Ignored;
        var group = Check(Samples.OutboundToGroup(Samples.Custom()) with { Options = options }, capabilities).Ignored;
        var strictGroup = Check(Samples.OutboundToGroup(Samples.Custom()) with { Options = options }, capabilities, strict: true).Errors;

        Assert.Empty(one);
        Assert.Equal(["options.sendTime"], several);
        Assert.Equal(["options.lifetimeSeconds", "options.sendTime"], group);
        Assert.Equal("is not supported for group messages by provider 'im' (Fake), which is configured strict", strictGroup[0].Message);
    }

    [Fact]
    public void Check_DeclarativeChecksPass_RunsTheProviderRulesAndReportsFieldAndRule()
    {
        var seen = new List<OutboundMessage>();
        var message = Samples.Outbound(Samples.TextContent("a long text"));
        var capabilities = FakeProvider.AllCapabilities with
        {
            MessageRules = (m, errors) =>
            {
                seen.Add(m);
                errors.Add(new GatewayErrorDetail { Field = "content.text.text", Rule = "Fake.BodyTooLarge", Message = "must fit the 12 KB body" });
            },
        };

        var (errors, _) = Check(message, capabilities);

        Assert.Same(message, Assert.Single(seen));
        var error = Assert.Single(errors);
        Assert.Equal(("content.text.text", "Fake.BodyTooLarge", "must fit the 12 KB body"), (error.Field, error.Rule, error.Message));
    }

    [Fact]
    public void Check_DeclarativeCheckFails_DoesNotRunTheProviderRules()
    {
        var ran = 0;
        var capabilities = FakeProvider.AllCapabilities with
        {
            ContentTypes = new HashSet<ContentType> { ContentType.Text },
            MessageRules = (_, errors) =>
            {
                ran++;
                errors.Add(new GatewayErrorDetail { Field = "x", Rule = "Fake.Rule", Message = "m" });
            },
        };

        var (errors, _) = Check(Samples.Outbound(Samples.Custom()), capabilities);

        Assert.Equal(0, ran);
        Assert.Equal("content.type", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_StrictRejection_DoesNotRunTheProviderRules()
    {
        var ran = 0;
        var capabilities = FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None, MessageRules = (_, _) => ran++ };

        var (errors, _) = Check(Samples.Outbound(Samples.TextContent()) with { Options = new MessageOptions { Extension = "x" } }, capabilities, strict: true);

        Assert.Equal(0, ran);
        Assert.Equal("options.extension", Assert.Single(errors).Field);
    }

    [Fact]
    public void Check_IgnoredOptionsOnly_StillRunsTheProviderRules()
    {
        var ran = 0;
        var capabilities = FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None, MessageRules = (_, _) => ran++ };

        var (errors, ignored) = Check(Samples.Outbound(Samples.TextContent()) with { Options = new MessageOptions { Extension = "x" } }, capabilities);

        Assert.Equal(1, ran);
        Assert.Empty(errors);
        Assert.Equal(["options.extension"], ignored);
    }

    [Theory]
    [InlineData(RecipientKinds.None, "alice", null, "target.to", "revoking messages")]
    [InlineData(RecipientKinds.Users, null, "g", "target.groupId", "revoking group messages")]
    [InlineData(RecipientKinds.Group, "alice", null, "target.to", "revoking user messages")]
    public void Check_RevokeNotSupported_NamesTargetAndProvider(RecipientKinds revoke, string? to, string? groupId, string field, string what)
    {
        var errors = Check(Revoke(to, groupId), FakeProvider.AllCapabilities with { Revoke = revoke });

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal($"{what} is not supported by provider 'im' (Fake)", error.Message);
    }

    [Fact]
    public void Check_RevokeSupported_HasNoErrors()
    {
        Assert.Empty(Check(Revoke(null, "g"), FakeProvider.AllCapabilities));
    }

    [Fact]
    public void Check_RevokeSupported_RunsTheRevokeRules()
    {
        var request = Revoke("alice", null);
        var capabilities = FakeProvider.AllCapabilities with
        {
            RevokeRules = (r, errors) => errors.Add(new GatewayErrorDetail { Field = "providerMessageKey", Rule = "Fake.KeyFormat", Message = $"'{r.ProviderMessageKey}' is not a key of this provider" }),
        };

        var error = Assert.Single(Check(request, capabilities));

        Assert.Equal(("providerMessageKey", "Fake.KeyFormat", "'k' is not a key of this provider"), (error.Field, error.Rule, error.Message));
    }

    [Fact]
    public void Check_RevokeNotSupported_DoesNotRunTheRevokeRules()
    {
        var ran = 0;
        var capabilities = FakeProvider.AllCapabilities with { Revoke = RecipientKinds.Users, RevokeRules = (_, _) => ran++ };

        var errors = Check(Revoke(null, "g"), capabilities);

        Assert.Equal(0, ran);
        Assert.Equal("target.groupId", Assert.Single(errors).Field);
    }

    private static (List<GatewayErrorDetail> Errors, IReadOnlyList<string> Ignored) Check(OutboundMessage message, ProviderCapabilities capabilities, bool strict = false)
    {
        var errors = new List<GatewayErrorDetail>();
        var ignored = ProviderCheck.Check(message, CreateProvider(capabilities), strict, errors);
        return (errors, ignored);
    }

    private static List<GatewayErrorDetail> Check(OutboundRevoke request, ProviderCapabilities capabilities)
    {
        var errors = new List<GatewayErrorDetail>();
        ProviderCheck.Check(request, CreateProvider(capabilities), errors);
        return errors;
    }

    private static FakeProvider CreateProvider(ProviderCapabilities capabilities) => new("im") { Capabilities = capabilities };

    private static OutboundRevoke Revoke(string? to, string? groupId) => new()
    {
        MessageId = "r",
        ProviderMessageKey = "k",
        Conversation = to is not null ? new UserRecipients([to]) : new GroupRecipient(groupId!),
    };
}
