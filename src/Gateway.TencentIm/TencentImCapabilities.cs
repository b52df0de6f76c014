using System.Globalization;
using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Validation;
using Gateway.TencentIm.Mapping;
using Gateway.TencentIm.Serialization;

namespace Gateway.TencentIm;

/// <summary>
/// What a Tencent instance can send, and the adapter's own rules, checked by the gateway in one step before any
/// request: every content type but notification, ids of at most 32 bytes, the serialized <c>MsgBody</c> within
/// <c>MaxBodyBytes</c>, the options each API has, and a group recall key that is the group <c>MsgSeq</c>.
/// </summary>
internal static class TencentImCapabilities
{
    private const OptionalFields OneToOneFields = OptionalFields.OnlineOnly | OptionalFields.LifetimeSeconds | OptionalFields.SyncToSender
        | OptionalFields.OfflinePush | OptionalFields.OfflinePushDisabled | OptionalFields.OfflinePushIosSound
        | OptionalFields.OfflinePushIosBadge | OptionalFields.OfflinePushAndroidSound | OptionalFields.SendTime
        | OptionalFields.Extension | OptionalFields.Priority | OptionalFields.CustomSound;

    private static readonly IReadOnlySet<ContentType> Contents = new HashSet<ContentType>(Enum.GetValues<ContentType>().Where(t => t != ContentType.Notification));

    public static ProviderCapabilities For(TencentImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxBodyBytes = options.MaxBodyBytes;
        return new ProviderCapabilities
        {
            ContentTypes = Contents,
            RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
            MaxRecipientsPerCall = options.BatchSize,
            MaxIdBytes = 32,
            SupportedFields = OneToOneFields,

            // batchsendmsg has no MsgTimeStamp; send_group_msg has no MsgLifeTime, SyncOtherMachine or MsgTimeStamp.
            SupportedFieldsForSeveralUsers = OneToOneFields & ~OptionalFields.SendTime,
            SupportedFieldsForGroups = OneToOneFields & ~(OptionalFields.LifetimeSeconds | OptionalFields.SyncToSender | OptionalFields.SendTime),
            Revoke = RecipientKinds.Users | RecipientKinds.Group,
            MessageRules = (message, errors) => CheckBody(message, maxBodyBytes, errors),
            RevokeRules = CheckRevoke,
        };
    }

    /// <summary>Gets the size of a content's serialized <c>MsgBody</c>, what Tencent's body limit counts.</summary>
    public static int MsgBodyBytes(MessageContent content) =>
        JsonSerializer.SerializeToUtf8Bytes(TencentImMessageMapper.ToMsgBody(content), TencentImJsonContext.Default.IReadOnlyListTencentImMsgElement).Length;

    private static void CheckBody(OutboundMessage message, int maxBodyBytes, ICollection<GatewayErrorDetail> errors)
    {
        var bytes = MsgBodyBytes(message.Content);
        if (bytes > maxBodyBytes)
        {
            errors.Add(new GatewayErrorDetail
            {
                Field = "content",
                Rule = ValidationRules.ProviderLimit,
                Message = $"the Tencent MsgBody would be {bytes} bytes, over the budget of {maxBodyBytes} bytes (MaxBodyBytes)",
            });
        }
    }

    private static void CheckRevoke(OutboundRevoke request, ICollection<GatewayErrorDetail> errors)
    {
        if (request.Conversation is GroupRecipient && !ulong.TryParse(request.ProviderMessageKey, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(new GatewayErrorDetail
            {
                Field = "providerMessageKey",
                Rule = ValidationRules.ProviderLimit,
                Message = "must be the group MsgSeq (decimal digits) that the group send returned",
            });
        }
    }
}
