using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Testing;

namespace Gateway.TencentIm.Tests;

public sealed class TencentImCapabilitiesTests
{
    private static ProviderCapabilities CreateSut(Action<TencentImOptions>? configure = null)
    {
        var options = new TencentImOptions { SdkAppId = 1_400_000_000, SecretKey = "key", Region = TencentImRegion.Singapore };
        configure?.Invoke(options);
        return TencentImCapabilities.For(options);
    }

    private static List<GatewayErrorDetail> Broken(ProviderCapabilities capabilities, OutboundMessage message)
    {
        var errors = new List<GatewayErrorDetail>();
        capabilities.MessageRules!(message, errors);
        return errors;
    }

    [Fact]
    public void For_Instance_AdvertisesTheTencentLimits()
    {
        var capabilities = CreateSut(o => o.BatchSize = 300);

        Assert.DoesNotContain(ContentType.Notification, capabilities.ContentTypes);
        Assert.Equal(9, capabilities.ContentTypes.Count);
        Assert.Equal(RecipientKinds.Users | RecipientKinds.Group, capabilities.RecipientKinds);
        Assert.Equal(RecipientKinds.Users | RecipientKinds.Group, capabilities.Revoke);
        Assert.Equal(300, capabilities.MaxRecipientsPerCall);
        Assert.Equal(32, capabilities.MaxIdBytes);
        Assert.False(capabilities.SupportedFields.HasFlag(OptionalFields.SenderNickname));
        Assert.False(capabilities.SupportedFields.HasFlag(OptionalFields.SenderFaceUrl));
        Assert.False(capabilities.SupportedFields.HasFlag(OptionalFields.SenderPlatformId));
        Assert.True(capabilities.SupportedFields.HasFlag(OptionalFields.Priority | OptionalFields.SendTime | OptionalFields.CustomSound | OptionalFields.OfflinePushDisabled));
    }

    [Fact]
    public void MessageRules_DefaultBudget_Is8192BytesOfSerializedMsgBody()
    {
        var capabilities = CreateSut();
        var overhead = TencentImCapabilities.MsgBodyBytes(MessageContent.FromText(string.Empty));
        var fits = Samples.Outbound(MessageContent.FromText(new string('x', 8192 - overhead)));
        var over = Samples.Outbound(MessageContent.FromText(new string('x', 8193 - overhead)));

        Assert.Equal(8192, TencentImCapabilities.MsgBodyBytes(fits.Content));
        Assert.Empty(Broken(capabilities, fits));
        var error = Assert.Single(Broken(capabilities, over));
        Assert.Equal("content", error.Field);
        Assert.Equal("Gateway.ProviderLimit", error.Rule);
        Assert.Contains("8193 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("8192 bytes (MaxBodyBytes)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_2_3", true)]
    [InlineData("", true)]
    [InlineData("-1", true)]
    [InlineData("18446744073709551616", true)]
    [InlineData("42", false)]
    [InlineData("18446744073709551615", false)]
    public void RevokeRules_GroupKey_MustBeTheDecimalMsgSeq(string key, bool broken)
    {
        var errors = new List<GatewayErrorDetail>();

        CreateSut().RevokeRules!(new OutboundRevoke { MessageId = "r", Conversation = new GroupRecipient("g1"), ProviderMessageKey = key }, errors);

        Assert.Equal(broken, errors.Count == 1);
        Assert.All(errors, e => Assert.Equal("providerMessageKey", e.Field));
    }

    [Fact]
    public void RevokeRules_UserKey_IsTencentsOpaqueMsgKey()
    {
        var errors = new List<GatewayErrorDetail>();

        CreateSut().RevokeRules!(new OutboundRevoke { MessageId = "r", Conversation = new UserRecipients(["alice"]), ProviderMessageKey = "1_2_3" }, errors);

        Assert.Empty(errors);
    }
}
