using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Reliability.Hostile;

/// <summary>
/// The commands of the hostile-input scenario: what a careless or hostile publisher sends to <c>send-message</c>.
/// Each starts from the suite's valid text command and breaks one thing (or sends no command at all); ids are
/// <c>{prefix}-NN</c> where the command has a usable messageId.
/// </summary>
internal static class HostileCatalog
{
    /// <summary>The gateway's <c>Messaging:MaxCommandBytes</c> default (2 MiB).</summary>
    public const int MaxCommandBytes = 2 * 1024 * 1024;

    private const string Required = "Gateway.Required";
    private const string Length = "Gateway.Length";
    private const string Range = "Gateway.Range";
    private const string Count = "Gateway.Count";
    private const string Distinct = "Gateway.Distinct";
    private const string Enum = "Gateway.Enum";
    private const string OneRecipientKind = "Gateway.OneRecipientKind";
    private const string ContentMatchesType = "Gateway.ContentMatchesType";
    private const string GroupsOnly = "Gateway.GroupsOnly";
    private const string UnknownProvider = "Gateway.UnknownProvider";
    private const string ProviderLimit = "Gateway.ProviderLimit";
    private const string Printable = "Gateway.Printable";

    /// <summary>The size limit's key, which the error queue's reason must name.</summary>
    private const string SizeKey = "Messaging:MaxCommandBytes";

    private const string Envelope = "application/vnd.masstransit+json";
    private const string SendMessageUrn = "urn:message:Gateway.Core.Contracts:SendMessage";

    public static IReadOnlyList<HostileCase> Create(string prefix)
    {
        var cases = new List<HostileCase>();
        var number = 0;
        string NextId() => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number + 1:D2}");

        void Raw(string @class, string name, byte[] body, HostileExpectation expected, string? contentType = "application/json", string? messageId = null) =>
            cases.Add(new HostileCase { Number = ++number, Class = @class, Name = name, Body = body, Expected = expected, ContentType = contentType, MessageId = messageId });

        // A valid command with one thing changed; the id is the case's own unless the change replaces it.
        void Json(string @class, string name, Action<JsonObject> change, HostileExpectation expected, string? contentType = "application/json")
        {
            var id = NextId();
            var command = Valid(id);
            change(command);
            var messageId = command["messageId"] is JsonValue value && value.TryGetValue<string>(out var text) && text == id ? id : null;
            Raw(@class, name, Encoding.UTF8.GetBytes(command.ToJsonString()), expected, contentType, messageId);
        }

        // The valid command's text with one part of it replaced (for what JsonObject cannot write).
        void Text(string @class, string name, Func<string, string> change, HostileExpectation expected)
        {
            var id = NextId();
            Raw(@class, name, Encoding.UTF8.GetBytes(change(Valid(id).ToJsonString())), expected, messageId: id);
        }

        // Not a command at all.
        Raw("body", "empty body (0 bytes)", [], HostileExpectation.ErrorQueue("empty"));
        Raw("body", "non-JSON bytes (binary)", [0x00, 0xFF, 0x13, 0x37, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02], HostileExpectation.ErrorQueue("invalid"));
        Raw("body", "plain text", Encoding.UTF8.GetBytes("send hi to user-1 please"), HostileExpectation.ErrorQueue("invalid"));
        Raw("body", "invalid UTF-8 inside a string", [.. Encoding.UTF8.GetBytes("{\"messageId\":\""), 0xC3, 0x28, 0xA0, 0xFF, .. Encoding.UTF8.GetBytes("\",\"to\":[\"user-1\"],\"content\":{\"type\":\"text\",\"text\":{\"text\":\"hi\"}}}")], HostileExpectation.ErrorQueue("invalid UTF-8"));
        Raw("body", "UTF-16 JSON (BOM FF FE)", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Valid(NextId()).ToJsonString())], HostileExpectation.ErrorQueue("invalid"));
        Text("body", "cut-off JSON", json => json[..(json.Length / 2)], HostileExpectation.ErrorQueue("not readable"));
        Text("body", "trailing garbage after the object", json => json + " {\"messageId\":\"second\"}", HostileExpectation.ErrorQueue("not readable"));
        Raw("body", "JSON array instead of an object", Encoding.UTF8.GetBytes("[" + Valid(NextId()).ToJsonString() + "]"), HostileExpectation.ErrorQueue("SendMessage"));
        Raw("body", "JSON string instead of an object", Encoding.UTF8.GetBytes("\"send hi\""), HostileExpectation.ErrorQueue("SendMessage"));
        Raw("body", "JSON number instead of an object", Encoding.UTF8.GetBytes("42"), HostileExpectation.ErrorQueue("SendMessage"));
        Raw("body", "JSON null", Encoding.UTF8.GetBytes("null"), HostileExpectation.ErrorQueue("not a SendMessage"));
        Raw("body", "empty object {}", Encoding.UTF8.GetBytes("{}"), HostileExpectation.Failed("messageId", Required));
        Text("body", "100-level nesting in an unknown property", json => Insert(json, Nested(100)), HostileExpectation.ErrorQueue("depth"));
        Text("body", "10,000-level nesting in an unknown property", json => Insert(json, Nested(10_000)), HostileExpectation.ErrorQueue("depth"));
        Json("body", "10 MB body (a 10 MB text)", c => c["content"]!["text"]!["text"] = new string('x', 10 * 1024 * 1024), HostileExpectation.ErrorQueue(SizeKey));
        Raw("body", "10 MB of non-JSON bytes", [.. Enumerable.Repeat((byte)'A', 10 * 1024 * 1024)], HostileExpectation.ErrorQueue(SizeKey));
        Json("body", "one byte over Messaging:MaxCommandBytes", c => c["content"]!["text"]!["text"] = Filler(c, MaxCommandBytes + 1), HostileExpectation.ErrorQueue(SizeKey));
        Raw("body", "XML labelled application/xml", Encoding.UTF8.GetBytes("<sendMessage><to>user-1</to><text>hi</text></sendMessage>"), HostileExpectation.ErrorQueue("not readable"), "application/xml");

        // Wrong JSON types.
        Json("types", "messageId a number", c => c["messageId"] = 12345, HostileExpectation.ErrorQueue("$.messageId"));
        Json("types", "messageId an object", c => c["messageId"] = new JsonObject { ["id"] = "x" }, HostileExpectation.ErrorQueue("$.messageId"));
        Json("types", "to a string, not an array", c => c["to"] = "user-1", HostileExpectation.ErrorQueue("$.to"));
        Json("types", "to an array of numbers", c => c["to"] = new JsonArray(1, 2, 3), HostileExpectation.ErrorQueue("$.to"));
        Json("types", "to an object", c => c["to"] = new JsonObject { ["user-1"] = true }, HostileExpectation.ErrorQueue("$.to"));
        Json("types", "content a string", c => c["content"] = "hi", HostileExpectation.ErrorQueue("$.content"));
        Json("types", "content an array", c => c["content"] = new JsonArray(new JsonObject { ["type"] = "text" }), HostileExpectation.ErrorQueue("$.content"));
        Json("types", "content.text a string, not an object", c => c["content"]!["text"] = "hi", HostileExpectation.ErrorQueue("$.content.text"));
        Json("types", "content.type an object", c => c["content"]!["type"] = new JsonObject { ["name"] = "text" }, HostileExpectation.ErrorQueue("$.content.type"));
        Json("types", "options.onlineOnly a string", c => c["options"]!["onlineOnly"] = "yes", HostileExpectation.ErrorQueue("$.options.onlineOnly"));
        Json("types", "options.sendTime not a date", c => c["options"]!["sendTime"] = "next tuesday", HostileExpectation.ErrorQueue("$.options.sendTime"));

        // Numbers out of range.
        Text("numbers", "options.lifetimeSeconds 1e20 (beyond int)", json => Insert(json, "\"lifetimeSeconds\":1e20,"), HostileExpectation.ErrorQueue("$.options.lifetimeSeconds"));
        Text("numbers", "options.lifetimeSeconds 2147483648 (int.MaxValue + 1)", json => Insert(json, "\"lifetimeSeconds\":2147483648,"), HostileExpectation.ErrorQueue("$.options.lifetimeSeconds"));
        Text("numbers", "options.lifetimeSeconds 1.5 (not an integer)", json => Insert(json, "\"lifetimeSeconds\":1.5,"), HostileExpectation.ErrorQueue("$.options.lifetimeSeconds"));
        Json("numbers", "options.lifetimeSeconds -5", c => c["options"]!["lifetimeSeconds"] = -5, HostileExpectation.Failed("options.lifetimeSeconds", Range));
        Json("numbers", "options.lifetimeSeconds 8 days", c => c["options"]!["lifetimeSeconds"] = 8 * 86_400, HostileExpectation.Failed("options.lifetimeSeconds", Range));
        Json("numbers", "options.sendTime year 1 (before 1970)", c => c["options"]!["sendTime"] = "0001-01-01T00:00:00Z", HostileExpectation.Failed("options.sendTime", Range));
        Json("numbers", "image width 1e30", c => c["content"] = ImageContent(width: null), HostileExpectation.ErrorQueue("$.content.image.original.width"));
        Json("numbers", "image width 0", c => c["content"] = ImageContent(width: 0), HostileExpectation.Failed("content.image.original.width", Range));
        Text("numbers", "location latitude 1e400 (beyond double: read as infinity)", json => json.Replace("{\"type\":\"text\",\"text\":{\"text\":\"hi\"}}", "{\"type\":\"location\",\"location\":{\"description\":\"x\",\"latitude\":1e400,\"longitude\":0}}", StringComparison.Ordinal), HostileExpectation.Failed("content.location.latitude", Range));
        Json("numbers", "location latitude 91", c => c["content"] = new JsonObject { ["type"] = "location", ["location"] = new JsonObject { ["description"] = "x", ["latitude"] = 91, ["longitude"] = 0 } }, HostileExpectation.Failed("content.location.latitude", Range));

        // Unknown enum values.
        Json("enums", "content.type unknown (\"video2\")", c => c["content"]!["type"] = "video2", HostileExpectation.Failed("content.type", Enum));
        Json("enums", "content.type a number", c => c["content"]!["type"] = 3, HostileExpectation.Failed("content.type", Enum));
        Json("enums", "content.type empty", c => c["content"]!["type"] = string.Empty, HostileExpectation.Failed("content.type", Enum));
        Json("enums", "image.format unknown (\"tiff\")", c => c["content"] = ImageContent(width: 10, format: "tiff"), HostileExpectation.Failed("content.image.format", Enum));
        Json("enums", "options.priority unknown (\"urgent\"), to a group", c => { c.Remove("to"); c["groupId"] = "group-1"; c["options"]!["priority"] = "urgent"; }, HostileExpectation.Failed("options.priority", Enum));

        // Nulls.
        Json("nulls", "messageId null", c => c["messageId"] = null, HostileExpectation.Failed("messageId", Required));
        Json("nulls", "content null", c => c["content"] = null, HostileExpectation.Failed("content", Required));
        Json("nulls", "to and groupId null", c => { c["to"] = null; c["groupId"] = null; }, HostileExpectation.Failed("to", OneRecipientKind));
        Json("nulls", "a null recipient", c => c["to"] = new JsonArray("user-1", null), HostileExpectation.Failed("to[1]", Required));
        Json("ids", "a recipient with a line break (a forged log line)", c => c["to"] = new JsonArray("user-1\ninfo: FORGED"), HostileExpectation.Failed("to[0]", Printable));
        Json("ids", "a groupId with a NUL", c => { c["to"] = null; c["groupId"] = "group\u0000-1"; }, HostileExpectation.Failed("groupId", Printable));
        Json("nulls", "content.text.text null", c => c["content"]!["text"]!["text"] = null, HostileExpectation.Failed("content.text.text", Required));
        Json("nulls", "content.type null", c => c["content"]!["type"] = null, HostileExpectation.ErrorQueue("$.content.type"));
        Json("nulls", "null everywhere", c =>
        {
            foreach (var key in (string[])["messageId", "provider", "sender", "to", "groupId", "content", "options"])
            {
                c[key] = null;
            }
        }, HostileExpectation.Failed("messageId", Required));

        // Recipients.
        Json("recipients", "10,001 recipients", c => c["to"] = Users(10_001, 8), HostileExpectation.Failed("to", Count));
        Json("recipients", "10,000 recipients of 128 characters (fits the size limit; over OpenIM's 64-byte ids)", c => c["to"] = Users(10_000, 128), HostileExpectation.Failed("to[0]", ProviderLimit));
        Json("recipients", "duplicate recipients", c => c["to"] = new JsonArray("user-1", "user-2", "user-1"), HostileExpectation.Failed("to", Distinct));
        Json("recipients", "no recipients ([])", c => c["to"] = new JsonArray(), HostileExpectation.Failed("to", Count));
        Json("recipients", "both to and groupId", c => c["groupId"] = "group-1", HostileExpectation.Failed("to", OneRecipientKind));
        Json("recipients", "an empty recipient id", c => c["to"] = new JsonArray(string.Empty), HostileExpectation.Failed("to[0]", Required));
        Json("recipients", "mention content to users", c => c["content"] = new JsonObject { ["type"] = "mention", ["mention"] = new JsonObject { ["text"] = "hi", ["all"] = true } }, HostileExpectation.Failed("content.type", GroupsOnly));

        // Huge strings.
        Json("strings", "messageId of 100,000 characters", c => { c["messageId"] = new string('m', 100_000); }, HostileExpectation.Failed("messageId", Length));
        Json("strings", "a recipient id of 1 MB", c => c["to"] = new JsonArray(new string('u', 1024 * 1024)), HostileExpectation.Failed("to[0]", Length));
        Json("strings", "provider name of 1 MB", c => c["provider"] = new string('p', 1024 * 1024), HostileExpectation.Failed("provider", Length));
        Json("strings", "unknown provider", c => c["provider"] = "no-such-provider", HostileExpectation.Failed("provider", UnknownProvider));

        // Every content type with its required object missing, and one with the wrong object.
        foreach (var type in (string[])["text", "mention", "image", "sound", "video", "file", "location", "face", "custom", "notification"])
        {
            Json("content", $"type {type} without its object", c =>
            {
                c["content"] = new JsonObject { ["type"] = type };
                if (type == "mention")
                {
                    c.Remove("to");
                    c["groupId"] = "group-1";
                }
            }, HostileExpectation.Failed("content." + type, ContentMatchesType));
        }

        Json("content", "type text with an image object too", c => c["content"]!["image"] = ImageContent(width: 10)["image"]!.DeepClone(), HostileExpectation.Failed("content.image", ContentMatchesType));

        // MassTransit envelopes.
        Raw("envelope", "MassTransit envelope of another message type", Encoding.UTF8.GetBytes(EnvelopeOf("urn:message:Billing.Contracts:ChargeCard", Valid(NextId()))), HostileExpectation.ErrorQueue("message type"), Envelope);
        Raw("envelope", "MassTransit envelope without a message type", Encoding.UTF8.GetBytes(EnvelopeOf(null, Valid(NextId()))), HostileExpectation.ErrorQueue("message type"), Envelope);
        Raw("envelope", "plain command labelled as a MassTransit envelope", Encoding.UTF8.GetBytes(Valid(NextId()).ToJsonString()), HostileExpectation.ErrorQueue("not readable"), Envelope);
        Raw("envelope", "MassTransit envelope whose message is a string", Encoding.UTF8.GetBytes(EnvelopeOf(SendMessageUrn, JsonValue.Create("hi"))), HostileExpectation.ErrorQueue("SendMessage"), Envelope);
        var enveloped = NextId();
        Raw("envelope", "MassTransit envelope of SendMessage without content", Encoding.UTF8.GetBytes(EnvelopeOf(SendMessageUrn, new JsonObject { ["messageId"] = enveloped, ["to"] = new JsonArray("user-1") })), HostileExpectation.Failed("content", Required), Envelope, enveloped);

        return cases;
    }

    /// <summary>The good command sent after all of them: it must be delivered.</summary>
    public static HostileCase Good(string prefix, int number)
    {
        var id = prefix + "-good";
        return new HostileCase
        {
            Number = number,
            Class = "good",
            Name = "a valid command after all of them",
            MessageId = id,
            Body = Encoding.UTF8.GetBytes(Valid(id).ToJsonString()),
            Expected = HostileExpectation.Sent(),
        };
    }

    private static JsonObject Valid(string id) => new()
    {
        ["messageId"] = id,
        ["to"] = new JsonArray("user-1"),
        ["content"] = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["text"] = "hi" } },
        ["options"] = new JsonObject { ["extension"] = id },
    };

    private static string Insert(string json, string option) =>
        json.Replace("\"options\":{", "\"options\":{" + option, StringComparison.Ordinal);

    private static JsonObject ImageContent(int? width, string format = "png")
    {
        var original = new JsonObject { ["url"] = "https://example.com/a.png", ["height"] = 10 };
        original["width"] = width is { } w ? w : JsonValue.Create(1e30);
        return new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["format"] = format, ["original"] = original } };
    }

    private static JsonArray Users(int count, int length)
    {
        var users = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var id = "u" + i.ToString(CultureInfo.InvariantCulture);
            users.Add(id + new string('x', Math.Max(0, length - id.Length)));
        }

        return users;
    }

    /// <summary>A text that makes the whole command exactly <paramref name="bytes"/> bytes long.</summary>
    private static string Filler(JsonObject command, int bytes)
    {
        command["content"]!["text"]!["text"] = string.Empty;
        var rest = Encoding.UTF8.GetByteCount(command.ToJsonString());
        return new string('x', bytes - rest);
    }

    /// <summary>An <c>extra</c> option of <paramref name="depth"/> nested arrays, <c>"extra":[[[...]]],</c> (as text: JsonNode refuses to write it).</summary>
    private static string Nested(int depth) => "\"extra\":" + new string('[', depth) + new string(']', depth) + ",";

    private static string EnvelopeOf(string? messageType, JsonNode message)
    {
        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["conversationId"] = Guid.NewGuid().ToString(),
            ["sourceAddress"] = "rabbitmq://localhost/careless-publisher",
            ["destinationAddress"] = "rabbitmq://localhost/send-message",
        };
        if (messageType is not null)
        {
            envelope["messageType"] = new JsonArray(messageType);
        }

        envelope["message"] = message.DeepClone();
        envelope["sentTime"] = "2026-12-01T00:00:00Z";
        return envelope.ToJsonString();
    }
}
