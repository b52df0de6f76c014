using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Validation;
using Gateway.OpenIm.Mapping;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm;

/// <summary>
/// What an OpenIM instance can send, by API generation, and the adapter's own rules, checked by the gateway in one step
/// before any request: v2.0.8 requires <c>notificationFaceURL</c>, and the msg RPC rejects requests over 8 MiB.
/// </summary>
internal static class OpenImCapabilities
{
    /// <summary>The msg RPC rejects gRPC messages over 8 MiB (<c>rpcMaxBodySize.requestMaxBodySize</c>).</summary>
    public const int MaxRequestBytes = 8 * 1024 * 1024;

    private const OptionalFields Common = OptionalFields.OnlineOnly | OptionalFields.OfflinePush | OptionalFields.OfflinePushIosSound
        | OptionalFields.OfflinePushIosBadge | OptionalFields.SenderNickname | OptionalFields.SenderFaceUrl | OptionalFields.SenderPlatformId;

    private static readonly IReadOnlySet<ContentType> V2Contents = new HashSet<ContentType>
    {
        // v2.0.8 has no 106 and stores video content empty (fixed in v2.0.10).
        ContentType.Text, ContentType.Image, ContentType.Sound, ContentType.File, ContentType.Custom, ContentType.Notification,
    };

    private static readonly IReadOnlySet<ContentType> V3Contents = new HashSet<ContentType>
    {
        ContentType.Text, ContentType.Mention, ContentType.Image, ContentType.Sound, ContentType.Video,
        ContentType.File, ContentType.Custom, ContentType.Notification,
    };

    /// <summary>
    /// Measures content as OpenIM's msg RPC sees it: the server stores the JSON re-encoded by Go, which writes non-ASCII
    /// text as UTF-8 (the gateway's wire JSON escapes it, <c>\uXXXX</c>, six bytes a character) and escapes <c>&lt;</c>,
    /// <c>&gt;</c> and <c>&amp;</c> as the default encoder does. Where the two still differ (emoji, <c>'</c>, <c>+</c>),
    /// this counts more than the server, never less.
    /// </summary>
    private static readonly OpenImJsonContext Measuring = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static ProviderCapabilities For(OpenImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var version = options.ApiVersion;
        if (version == OpenImApiVersion.V2)
        {
            return new ProviderCapabilities
            {
                ContentTypes = V2Contents,
                RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
                MaxRecipientsPerCall = 1,
                MaxIdBytes = 64,
                SupportedFields = Common,
                Revoke = RecipientKinds.Users | RecipientKinds.Group,
                MessageRules = (message, errors) => CheckV2(message, errors),
            };
        }

        return new ProviderCapabilities
        {
            ContentTypes = V3Contents,
            RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
            MaxRecipientsPerCall = options.DeliveryMode == OpenImDeliveryMode.PerRecipient ? 1 : options.BatchSize,
            MaxIdBytes = 64,
            SupportedFields = Common | OptionalFields.OfflinePushDisabled | OptionalFields.SendTime | OptionalFields.Extension,

            // v3 send_msg dropped contentType 111 in v3.4; /msg/revoke_msg needs the seq, which send_msg does not return.
            Revoke = RecipientKinds.None,
            MessageRules = (message, errors) => CheckSize(message, version, errors),
        };
    }

    private static void CheckV2(OutboundMessage message, ICollection<GatewayErrorDetail> errors)
    {
        if (message.Content.Notification is { } notification && string.IsNullOrEmpty(notification.FaceUrl))
        {
            errors.Add(new GatewayErrorDetail
            {
                Field = "content.notification.faceUrl",
                Rule = ValidationRules.ProviderLimit,
                Message = "is required by OpenIM v2.0.8 (notificationFaceURL)",
            });
        }

        CheckSize(message, OpenImApiVersion.V2, errors);
    }

    /// <summary>Only content that could come near 8 MiB is serialized to be measured; everything else is far below it.</summary>
    private static void CheckSize(OutboundMessage message, OpenImApiVersion version, ICollection<GatewayErrorDetail> errors)
    {
        var estimate = message.Content.Custom?.Data.Length ?? message.Content.Text?.Text.Length ?? message.Content.Mention?.Text.Length ?? 0;
        if ((long)estimate * 3 < MaxRequestBytes / 2)
        {
            return;
        }

        var content = OpenImMessageMapper.Content(message.Content, version);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(content, content.GetType(), Measuring).Length;
        if (bytes > MaxRequestBytes - 64 * 1024)
        {
            errors.Add(new GatewayErrorDetail
            {
                Field = "content",
                Rule = ValidationRules.ProviderLimit,
                Message = $"the OpenIM request would be over {MaxRequestBytes} bytes (8 MiB), which OpenIM's msg service rejects",
            });
        }
    }
}
