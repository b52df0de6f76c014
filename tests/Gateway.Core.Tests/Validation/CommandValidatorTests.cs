using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Validation;

public class CommandValidatorTests
{
    [Fact]
    public void TryValidate_CommandToUsers_BuildsUserRecipientsInOrder()
    {
        var command = Samples.ToUsers(Samples.Image(), "carol", "alice", "bob") with { Sender = new MessageSender { UserId = "bot" } };

        Assert.True(CreateSut().TryValidate(command, out var message, out var error));

        Assert.Null(error);
        Assert.Equal(["carol", "alice", "bob"], Assert.IsType<UserRecipients>(message.Recipients).UserIds);
        Assert.Equal(command.MessageId, message.MessageId);
        Assert.Same(command.Sender, message.Sender);
        Assert.Same(command.Content, message.Content);
    }

    [Fact]
    public void TryValidate_CommandToGroup_BuildsGroupRecipient()
    {
        Assert.True(CreateSut().TryValidate(Samples.ToGroup(Samples.Mention(), "g-42"), out var message, out _));

        Assert.Equal(new GroupRecipient("g-42"), message.Recipients);
    }

    [Fact]
    public void TryValidate_NoOptions_OptionsAreEmptyNotNull()
    {
        Assert.True(CreateSut().TryValidate(Samples.Text() with { Options = null }, out var message, out _));

        Assert.NotNull(message.Options);
        Assert.Equal(new MessageOptions(), message.Options);
    }

    [Fact]
    public void TryValidate_OptionsGiven_KeepsThem()
    {
        var options = new MessageOptions { OnlineOnly = true, Extension = "x" };

        Assert.True(CreateSut().TryValidate(Samples.Text() with { Options = options }, out var message, out _));

        Assert.Same(options, message.Options);
    }

    [Fact]
    public void TryValidate_InvalidCommand_ReturnsTheErrorAndNoMessage()
    {
        var valid = CreateSut().TryValidate(Samples.Text() with { To = ["alice"], GroupId = "g" }, out var message, out var error);

        Assert.False(valid);
        Assert.Null(message);
        Assert.Equal(GatewayErrorCode.InvalidMessage, error!.Code);
        Assert.Equal(("to", ValidationRules.OneRecipientKind), (Assert.Single(error.Details!).Field, error.Details![0].Rule));
    }

    [Fact]
    public void TryValidate_MoreRecipientsThanConfigured_UsesTheGatewayLimit()
    {
        var valid = CreateSut(maxRecipients: 2).TryValidate(Samples.ToUsers(Samples.TextContent(), "a", "b", "c"), out _, out var error);

        Assert.False(valid);
        Assert.Equal(("to", ValidationRules.Count), (error!.Details![0].Field, error.Details[0].Rule));
    }

    [Fact]
    public void TryValidate_RevokeToUser_BuildsAOneUserConversation()
    {
        var command = Samples.Revoke("rv-1", "key-9") with { Sender = new MessageSender { UserId = "bot" } };

        Assert.True(CreateSut().TryValidate(command, out var request, out var error));

        Assert.Null(error);
        Assert.Equal(["alice"], Assert.IsType<UserRecipients>(request.Conversation).UserIds);
        Assert.Equal(("rv-1", "key-9"), (request.MessageId, request.ProviderMessageKey));
        Assert.Same(command.Sender, request.Sender);
    }

    [Fact]
    public void TryValidate_RevokeInGroup_BuildsGroupConversation()
    {
        Assert.True(CreateSut().TryValidate(Samples.Revoke(groupId: "g-7"), out var request, out _));

        Assert.Equal(new GroupRecipient("g-7"), request.Conversation);
    }

    [Fact]
    public void TryValidate_InvalidRevoke_ReturnsTheErrorAndNoRequest()
    {
        var valid = CreateSut().TryValidate(Samples.Revoke() with { Target = new RevokeTarget() }, out var request, out var error);

        Assert.False(valid);
        Assert.Null(request);
        Assert.Equal("target.to", Assert.Single(error!.Details!).Field);
    }

    private static CommandValidator CreateSut(int maxRecipients = 10_000) => new(
        new SendMessageValidator(Options.Create(new GatewayOptions { MaxRecipients = maxRecipients })),
        new RevokeMessageValidator());
}
