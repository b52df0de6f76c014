using System.Text.Json.Serialization;

namespace Gateway.Core.Contracts;

/// <summary>The gateway's provider-independent classification of a failure.</summary>
[JsonConverter(typeof(LenientEnumConverter<GatewayErrorCode>))]
public enum GatewayErrorCode
{
    /// <summary>Anything not classified below.</summary>
    Unknown = 0,

    /// <summary>The command breaks a rule of the model or of the chosen provider; sending it again will not help.</summary>
    InvalidMessage,

    /// <summary>The recipient user or group does not exist at the provider.</summary>
    RecipientNotFound,

    /// <summary>The recipient refused the message: blocked, muted, not friends, or refused by a callback.</summary>
    RecipientRejected,

    /// <summary>The gateway's credentials were refused even after one refresh.</summary>
    Unauthorized,

    /// <summary>No permission, feature not enabled, or a configuration problem at the provider.</summary>
    Forbidden,

    /// <summary>The provider's rate limit was hit.</summary>
    RateLimited,

    /// <summary>The provider could not be reached or failed internally.</summary>
    ProviderUnavailable,
}
