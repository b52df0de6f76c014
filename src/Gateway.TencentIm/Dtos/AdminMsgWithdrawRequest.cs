using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/openim/admin_msgwithdraw</c> request.</summary>
internal sealed class AdminMsgWithdrawRequest
{
    /// <summary>Gets the sender of the message (<c>From_Account</c>).</summary>
    [JsonPropertyName("From_Account")]
    public required string FromAccount { get; init; }

    /// <summary>Gets the recipient (<c>To_Account</c>).</summary>
    [JsonPropertyName("To_Account")]
    public required string ToAccount { get; init; }

    /// <summary>Gets the key sendmsg or batchsendmsg returned (<c>MsgKey</c>).</summary>
    [JsonPropertyName("MsgKey")]
    public required string MsgKey { get; init; }
}
