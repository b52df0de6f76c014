using System.Text;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.Validation;

namespace Gateway.Core.Routing;

/// <summary>Checks a valid message against the chosen provider's capabilities, before any network call.</summary>
internal static class CapabilityCheck
{
    private static readonly (OptionalFields Field, string Path, Func<SendMessage, bool> IsSet)[] Optional =
    [
        (OptionalFields.OnlineOnly, "options.onlineOnly", m => m.Options?.OnlineOnly == true),
        (OptionalFields.LifetimeSeconds, "options.lifetimeSeconds", m => m.Options?.LifetimeSeconds is not null),
        (OptionalFields.SyncToSender, "options.syncToSender", m => m.Options?.SyncToSender is not null),
        (OptionalFields.OfflinePush, "options.offlinePush", m => m.Options?.OfflinePush is { Title: not null } or { Body: not null } or { Extension: not null }),
        (OptionalFields.OfflinePushDisabled, "options.offlinePush.disabled", m => m.Options?.OfflinePush?.Disabled == true),
        (OptionalFields.OfflinePushIosSound, "options.offlinePush.iosSound", m => m.Options?.OfflinePush?.IosSound is not null),
        (OptionalFields.OfflinePushIosBadge, "options.offlinePush.iosBadge", m => m.Options?.OfflinePush?.IosBadge is not null),
        (OptionalFields.OfflinePushAndroidSound, "options.offlinePush.androidSound", m => m.Options?.OfflinePush?.AndroidSound is not null),
        (OptionalFields.SendTime, "options.sendTime", m => m.Options?.SendTime is not null),
        (OptionalFields.Extension, "options.extension", m => m.Options?.Extension is not null),
        (OptionalFields.Priority, "options.priority", m => m.Options?.Priority is not null),
        (OptionalFields.SenderNickname, "sender.nickname", m => m.Sender?.Nickname is not null),
        (OptionalFields.SenderFaceUrl, "sender.faceUrl", m => m.Sender?.FaceUrl is not null),
        (OptionalFields.SenderPlatformId, "sender.platformId", m => m.Sender?.PlatformId is not null),
        (OptionalFields.CustomSound, "content.custom.sound", m => m.Content.Custom?.Sound is not null),
    ];

    /// <summary>Returns the rule failures (empty when the message fits) and the options the provider will ignore.</summary>
    public static (IReadOnlyList<GatewayErrorDetail> Errors, IReadOnlyList<string> Ignored) Check(SendMessage message, IMessageProvider provider, bool strict)
    {
        var capabilities = provider.Capabilities;
        var who = Describe(provider);
        var errors = new List<GatewayErrorDetail>();
        var ignored = new List<string>();

        if (message.To is not null && !capabilities.RecipientKinds.HasFlag(RecipientKinds.Users))
        {
            errors.Add(Unsupported("to", $"sending to users is not supported by {who}"));
        }

        if (message.GroupId is not null && !capabilities.RecipientKinds.HasFlag(RecipientKinds.Group))
        {
            errors.Add(Unsupported("groupId", $"sending to groups is not supported by {who}"));
        }

        if (!capabilities.ContentTypes.Contains(message.Content.Type))
        {
            errors.Add(Unsupported("content.type", $"'{Serialization.LenientEnumConverter<ContentType>.WireName(message.Content.Type)}' content is not supported by {who}"));
        }

        if (capabilities.MaxIdBytes is { } maxBytes)
        {
            CheckIdLengths(message, maxBytes, who, errors);
        }

        var supported = capabilities.SupportedFieldsFor(message);
        var shape = message.GroupId is not null ? " for group messages" : message.To is { Count: > 1 } ? " for several recipients" : string.Empty;
        foreach (var (field, path, isSet) in Optional)
        {
            if (isSet(message) && !supported.HasFlag(field))
            {
                if (strict)
                {
                    errors.Add(Unsupported(path, $"is not supported{shape} by {who}, which is configured strict"));
                }
                else
                {
                    ignored.Add(path);
                }
            }
        }

        return (errors, ignored);
    }

    /// <summary>Returns the rule failures of a revoke request on the provider (empty when it fits).</summary>
    public static IReadOnlyList<GatewayErrorDetail> Check(RevokeMessage request, IMessageProvider provider)
    {
        var (kind, field) = request.Target.GroupId is not null ? (RecipientKinds.Group, "target.groupId") : (RecipientKinds.Users, "target.to");
        if (provider.Capabilities.Revoke.HasFlag(kind))
        {
            return [];
        }

        var what = provider.Capabilities.Revoke == RecipientKinds.None
            ? "revoking messages"
            : kind == RecipientKinds.Group ? "revoking group messages" : "revoking user messages";
        return [Unsupported(field, $"{what} is not supported by {Describe(provider)}")];
    }

    private static void CheckIdLengths(SendMessage message, int maxBytes, string who, List<GatewayErrorDetail> errors)
    {
        void CheckOne(string? id, string field)
        {
            if (id is not null && Encoding.UTF8.GetByteCount(id) > maxBytes)
            {
                errors.Add(new GatewayErrorDetail
                {
                    Field = field,
                    Rule = ValidationRules.ProviderLimit,
                    Message = $"must be at most {maxBytes} bytes (UTF-8) for {who}",
                });
            }
        }

        CheckOne(message.Sender?.UserId, "sender.userId");
        CheckOne(message.GroupId, "groupId");
        for (var i = 0; i < (message.To?.Count ?? 0); i++)
        {
            CheckOne(message.To![i], $"to[{i}]");
        }

        for (var i = 0; i < (message.Content.Mention?.UserIds?.Count ?? 0); i++)
        {
            CheckOne(message.Content.Mention!.UserIds![i], $"content.mention.userIds[{i}]");
        }
    }

    private static string Describe(IMessageProvider provider) => $"provider '{provider.Name}' ({provider.ProviderType})";

    private static GatewayErrorDetail Unsupported(string field, string message) =>
        new() { Field = field, Rule = ValidationRules.Unsupported, Message = message };
}
