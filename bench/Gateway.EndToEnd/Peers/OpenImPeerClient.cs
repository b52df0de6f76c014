using System.Net.Http.Json;
using System.Security.Cryptography;
using Gateway.EndToEnd.Wire;

namespace Gateway.EndToEnd.Peers;

/// <summary>
/// The one HTTP call both peers make per command, in the gateway's wire shape: OpenIM v3 <c>POST /msg/send_msg</c>
/// with the <c>operationID</c> (<c>{messageId}-{16 hex}</c>) and <c>token</c> headers, the answer parsed and its
/// <c>errCode</c> checked. The admin token is fetched once at start (the gateway caches it too).
/// </summary>
internal sealed class OpenImPeerClient : IDisposable
{
    private const string AdminUserId = "imAdmin";

    private readonly HttpClient _http;
    private string _token = string.Empty;

    private OpenImPeerClient(Uri baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Creates the client and fetches the admin token.</summary>
    /// <param name="baseUrl">The provider's base URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client.</returns>
    public static async Task<OpenImPeerClient> ConnectAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        var client = new OpenImPeerClient(baseUrl);
        try
        {
            using var response = await client._http.PostAsJsonAsync(
                "auth/get_admin_token",
                new OpenImAdminTokenRequest { Secret = "openIM123", UserId = AdminUserId },
                EndToEndJsonContext.Default.OpenImAdminTokenRequest,
                cancellationToken);
            response.EnsureSuccessStatusCode();
            var reply = await response.Content.ReadFromJsonAsync(EndToEndJsonContext.Default.OpenImTokenReply, cancellationToken);
            client._token = reply is { ErrCode: 0, Data.Token: { Length: > 0 } token }
                ? token
                : throw new HttpRequestException($"get_admin_token failed: errCode {reply?.ErrCode}");
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command as a text message to its single recipient.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the provider answered success.</returns>
    public async Task SendAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        if (command.To.Count != 1 || command.Content.Text is null)
        {
            throw new ArgumentException("the benchmark peers send text to exactly one user", nameof(command));
        }

        var body = new OpenImSendMsgRequest
        {
            SendId = AdminUserId,
            RecvId = command.To[0],
            SenderPlatformId = 10,
            Content = new OpenImTextElem { Content = command.Content.Text.Text },
            ContentType = 101,
            SessionType = 1,
            Ex = command.Options?.Extension,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "msg/send_msg")
        {
            Content = JsonContent.Create(body, EndToEndJsonContext.Default.OpenImSendMsgRequest),
        };
        request.Headers.TryAddWithoutValidation("operationID", OperationId(command.MessageId));
        request.Headers.TryAddWithoutValidation("token", _token);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync(EndToEndJsonContext.Default.OpenImSendReply, cancellationToken);
        if (reply is not { ErrCode: 0, Data.ServerMsgId: not null })
        {
            throw new HttpRequestException($"send_msg failed: errCode {reply?.ErrCode}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string OperationId(string messageId)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return string.Concat(messageId, "-", Convert.ToHexStringLower(random));
    }
}
