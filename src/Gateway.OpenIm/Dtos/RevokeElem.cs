using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>111 revoke (v2.0.6–v2.0.8 and v3.0–v3.3 only): the <c>clientMsgID</c> of the message to recall.</summary>
internal sealed class RevokeElem
{
    [JsonPropertyName("revokeMsgClientID")]
    public required string RevokeMsgClientId { get; init; }
}
