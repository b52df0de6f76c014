using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Serialization;
using Gateway.Testing;

namespace Gateway.Core.Tests.Serialization;

public class GatewayJsonTests
{
    [Fact]
    public void Serialize_Command_UsesCamelCaseWireNamesAndOmitsNulls()
    {
        var message = Samples.ToGroup(Samples.Custom()) with { MessageId = "msg-g", Options = new MessageOptions { Priority = MessagePriority.Lowest } };

        var json = JsonSerializer.Serialize(message, GatewayJson.Options);

        Assert.Equal(
            """{"messageId":"msg-g","groupId":"g1","content":{"type":"custom","custom":{"data":"{\u0022k\u0022:1}","description":"desc","extension":"ext"}},"options":{"onlineOnly":false,"priority":"lowest"}}""",
            json);
    }

    [Fact]
    public void Serialize_ErrorCode_UsesItsName()
    {
        var json = JsonSerializer.Serialize(new GatewayError { Code = GatewayErrorCode.RecipientNotFound, Message = "m" }, GatewayJson.Options);

        Assert.Equal("""{"code":"RecipientNotFound","message":"m","transient":false}""", json);
    }

    [Fact]
    public void Deserialize_EnumNamesInAnyCase_AreRead()
    {
        var message = JsonSerializer.Deserialize<SendMessage>(
            """{"messageId":"m","groupId":"g","content":{"type":"IMAGE","image":{"format":"Jpg","original":{"url":"u","width":1,"height":1}}},"options":{"priority":"High"}}""",
            GatewayJson.Options)!;

        Assert.Equal((ContentType.Image, ImageFormat.Jpg, MessagePriority.High), (message.Content.Type, message.Content.Image!.Format, message.Options!.Priority));
    }

    [Fact]
    public void Deserialize_UnknownEnumName_ReadsAsUndefinedForTheValidator()
    {
        var message = JsonSerializer.Deserialize<SendMessage>("""{"messageId":"m","to":["a"],"content":{"type":"sticker"}}""", GatewayJson.Options)!;

        Assert.False(Enum.IsDefined(message.Content.Type));
    }

    [Fact]
    public void Deserialize_RequiredMembersMissing_LeavesThemForTheValidator()
    {
        var message = JsonSerializer.Deserialize<SendMessage>("""{"to":["a"]}""", GatewayJson.Options)!;

        Assert.Null(message.MessageId);
        Assert.Null(message.Content);
    }

    [Fact]
    public void Deserialize_PascalCaseFields_AreRead()
    {
        var message = JsonSerializer.Deserialize<SendMessage>("""{"MessageId":"m","To":["a"],"Content":{"Type":"text","Text":{"Text":"hi"}}}""", GatewayJson.Options)!;

        Assert.Equal(("m", "hi"), (message.MessageId, message.Content.Text!.Text));
    }

    [Fact]
    public void Deserialize_NotAnObject_ThrowsJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SendMessage>("""{"messageId":"m","to":"alice"}""", GatewayJson.Options));
    }

    [Fact]
    public void Configure_OtherOptions_LetTheValidatorCheckRequiredMembers()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        GatewayJson.Configure(options);
        var message = JsonSerializer.Deserialize<SendMessage>("""{"to":["a"],"content":{"type":"text","text":{"text":"x"}}}""", options)!;

        Assert.Null(message.MessageId);
        Assert.Equal(ContentType.Text, message.Content.Type);
    }
}
