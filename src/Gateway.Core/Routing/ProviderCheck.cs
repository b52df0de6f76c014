using System.Text;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Validation;

namespace Gateway.Core.Routing;

/// <summary>
/// The one step that checks a valid message against the chosen instance before any network call: recipient kinds,
/// content types, id lengths, optional fields (ignored, or rejected when strict) and the provider's own rules.
/// </summary>
internal static class ProviderCheck
{
    private static readonly (OptionalFields Field, string Path, Func<OutboundMessage, bool> IsSet)[] Optional =
    [
        (OptionalFields.OnlineOnly, "options.onlineOnly", m => m.Options.OnlineOnly),
        (OptionalFields.LifetimeSeconds, "options.lifetimeSeconds", m => m.Options.LifetimeSeconds is not null),
        (OptionalFields.SyncToSender, "options.syncToSender", m => m.Options.SyncToSender is not null),
        (OptionalFields.OfflinePush, "options.offlinePush", m => m.Options.OfflinePush is { Title: not null } or { Body: not null } or { Extension: not null }),
        (OptionalFields.OfflinePushDisabled, "options.offlinePush.disabled", m => m.Options.OfflinePush?.Disabled == true),
        (OptionalFields.OfflinePushIosSound, "options.offlinePush.iosSound", m => m.Options.OfflinePush?.IosSound is not null),
        (OptionalFields.OfflinePushIosBadge, "options.offlinePush.iosBadge", m => m.Options.OfflinePush?.IosBadge is not null),
        (OptionalFields.OfflinePushAndroidSound, "options.offlinePush.androidSound", m => m.Options.OfflinePush?.AndroidSound is not null),
        (OptionalFields.SendTime, "options.sendTime", m => m.Options.SendTime is not null),
        (OptionalFields.Extension, "options.extension", m => m.Options.Extension is not null),
        (OptionalFields.Priority, "options.priority", m => m.Options.Priority is not null),
        (OptionalFields.SenderNickname, "sender.nickname", m => m.Sender?.Nickname is not null),
        (OptionalFields.SenderFaceUrl, "sender.faceUrl", m => m.Sender?.FaceUrl is not null),
        (OptionalFields.SenderPlatformId, "sender.platformId", m => m.Sender?.PlatformId is not null),
        (OptionalFields.CustomSound, "content.custom.sound", m => m.Content.Custom?.Sound is not null),
    ];

    /// <summary>Adds the broken rules of <paramref name="message"/> on <paramref name="provider"/> to <paramref name="errors"/>, and returns the options it will ignore.</summary>
    public static IReadOnlyList<string> Check(OutboundMessage message, IMessageProvider provider, bool strict, List<GatewayErrorDetail> errors)
    {
        var capabilities = provider.Capabilities;
        switch (message.Recipients)
        {
            case UserRecipients when !capabilities.RecipientKinds.HasFlag(RecipientKinds.Users):
                errors.Add(Unsupported("to", $"sending to users is not supported by {Describe(provider)}"));
                break;
            case GroupRecipient when !capabilities.RecipientKinds.HasFlag(RecipientKinds.Group):
                errors.Add(Unsupported("groupId", $"sending to groups is not supported by {Describe(provider)}"));
                break;
        }

        if (!capabilities.ContentTypes.Contains(message.Content.Type))
        {
            errors.Add(Unsupported("content.type", $"'{LenientEnumConverter<ContentType>.WireName(message.Content.Type)}' content is not supported by {Describe(provider)}"));
        }

        if (capabilities.MaxIdBytes is { } maxBytes)
        {
            CheckIdLengths(message, maxBytes, provider, errors);
        }

        IReadOnlyList<string> ignored = [];
        var supported = capabilities.SupportedFieldsFor(message);
        foreach (var (field, path, isSet) in Optional)
        {
            if ((supported & field) == 0 && isSet(message))
            {
                if (strict)
                {
                    errors.Add(Unsupported(path, $"is not supported{Shape(message)} by {Describe(provider)}, which is configured strict"));
                }
                else
                {
                    ignored = ignored.Count == 0 ? [path] : [.. ignored, path];
                }
            }
        }

        if (errors.Count == 0)
        {
            capabilities.MessageRules?.Invoke(message, errors);
        }

        return ignored;
    }

    /// <summary>Adds the broken rules of a revoke request on the provider to <paramref name="errors"/>.</summary>
    public static void Check(OutboundRevoke request, IMessageProvider provider, List<GatewayErrorDetail> errors)
    {
        var (kind, field) = request.Conversation is GroupRecipient ? (RecipientKinds.Group, "target.groupId") : (RecipientKinds.Users, "target.to");
        var revoke = provider.Capabilities.Revoke;
        if (!revoke.HasFlag(kind))
        {
            var what = revoke == RecipientKinds.None
                ? "revoking messages"
                : kind == RecipientKinds.Group ? "revoking group messages" : "revoking user messages";
            errors.Add(Unsupported(field, $"{what} is not supported by {Describe(provider)}"));
            return;
        }

        provider.Capabilities.RevokeRules?.Invoke(request, errors);
    }

    private static string Shape(OutboundMessage message) => message.Recipients switch
    {
        GroupRecipient => " for group messages",
        UserRecipients { UserIds.Count: > 1 } => " for several recipients",
        _ => string.Empty,
    };

    private static void CheckIdLengths(OutboundMessage message, int maxBytes, IMessageProvider provider, List<GatewayErrorDetail> errors)
    {
        void CheckOne(string? id, string field)
        {
            if (id is not null && id.Length * 3 > maxBytes && Encoding.UTF8.GetByteCount(id) > maxBytes)
            {
                errors.Add(new GatewayErrorDetail
                {
                    Field = field,
                    Rule = ValidationRules.ProviderLimit,
                    Message = $"must be at most {maxBytes} bytes (UTF-8) for {Describe(provider)}",
                });
            }
        }

        CheckOne(message.Sender?.UserId, "sender.userId");
        switch (message.Recipients)
        {
            case GroupRecipient group:
                CheckOne(group.GroupId, "groupId");
                break;
            case UserRecipients users:
                for (var i = 0; i < users.UserIds.Count; i++)
                {
                    CheckOne(users.UserIds[i], $"to[{i}]");
                }

                break;
        }

        if (message.Content.Mention?.UserIds is { } mentioned)
        {
            for (var i = 0; i < mentioned.Count; i++)
            {
                CheckOne(mentioned[i], $"content.mention.userIds[{i}]");
            }
        }
    }

    private static string Describe(IMessageProvider provider) => $"provider '{provider.Name}' ({provider.ProviderType})";

    private static GatewayErrorDetail Unsupported(string field, string message) =>
        new() { Field = field, Rule = ValidationRules.Unsupported, Message = message };
}
