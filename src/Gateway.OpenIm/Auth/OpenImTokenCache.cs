using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Errors;
using Gateway.OpenIm.Http;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Mapping;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm.Auth;

/// <summary>
/// The admin token of one provider instance: fetched once, reused until its expiry minus
/// <see cref="OpenImOptions.TokenRefreshSkew"/>, refreshed by one caller while the others wait (single flight).
/// One token per instance per process matters: OpenIM main evicts older admin tokens five minutes after a newer one
/// is fetched.
/// </summary>
internal sealed class OpenImTokenCache(OpenImInstance instance, OpenImTransport transport) : IDisposable
{
    /// <summary>How long a token is trusted when the server does not say (it then gets refreshed at half of it).</summary>
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private CachedToken? _current;
    private int _fetchCount;

    /// <summary>Gets how many tokens this cache has fetched (for tests and diagnostics).</summary>
    public int FetchCount => Volatile.Read(ref _fetchCount);

    /// <summary>Gets the current token, fetching one when there is none or it is due for refresh.</summary>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ProviderException">No token could be obtained.</exception>
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && instance.TimeProvider.GetUtcNow() < current.RefreshAt
            ? new ValueTask<string>(current.Token)
            : new ValueTask<string>(RefreshAsync(cancellationToken));
    }

    /// <summary>Forgets a token the server rejected, unless it was already replaced.</summary>
    /// <param name="token">The rejected token.</param>
    public void Invalidate(string? token)
    {
        var current = Volatile.Read(ref _current);
        if (token is not null && current is not null && string.Equals(current.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshGate.Dispose();

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            var current = Volatile.Read(ref _current);
            var now = instance.TimeProvider.GetUtcNow();
            if (current is not null && now < current.RefreshAt)
            {
                return current.Token;
            }

            CachedToken fetched;
            try
            {
                fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (current is not null && instance.TimeProvider.GetUtcNow() < current.ExpiresAt)
            {
                // Refreshing ahead of expiry failed, but the current token is still good: keep using it.
                instance.Logger.TokenKeptAfterFailedRefresh(exception, instance.Name, current.ExpiresAt);
                return current.Token;
            }

            Volatile.Write(ref _current, fetched);
            return fetched.Token;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var options = instance.Options;
        var version = options.ApiVersion;
        var path = OpenImPaths.Token(version);
        var operationId = OperationIds.Create(OperationIds.TokenPrefix);
        var body = version switch
        {
            OpenImApiVersion.V3 => JsonSerializer.SerializeToUtf8Bytes(
                new GetAdminTokenRequest { Secret = options.Secret!, UserId = options.AdminUserId },
                OpenImJsonContext.Default.GetAdminTokenRequest),
            OpenImApiVersion.V3UserToken => JsonSerializer.SerializeToUtf8Bytes(
                new UserTokenRequest { Secret = options.Secret!, PlatformId = OpenImMessageMapper.V3AdminPlatformId, UserId = options.AdminUserId },
                OpenImJsonContext.Default.UserTokenRequest),
            _ => JsonSerializer.SerializeToUtf8Bytes(
                new UserTokenV2Request { Secret = options.Secret!, Platform = OpenImMessageMapper.V2AdminPlatformId, UserId = options.AdminUserId, OperationId = operationId },
                OpenImJsonContext.Default.UserTokenV2Request),
        };

        var requestedAt = instance.TimeProvider.GetUtcNow();
        OpenImReply<TokenData> reply;
        try
        {
            reply = await transport.PostAsync(path, body, operationId, authenticated: false, OpenImJsonContext.Default.OpenImResponseTokenData, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ProviderException exception)
        {
            instance.Logger.TokenFetchFailed(instance.Name, "/" + path, exception.ErrorCode, exception.ProviderErrorCode, exception.Message);
            throw;
        }

        if (!reply.IsSuccess || string.IsNullOrEmpty(reply.Envelope?.Data?.Token))
        {
            var failure = Refused(path, reply);
            instance.Logger.TokenFetchFailed(instance.Name, "/" + path, failure.ErrorCode, failure.ProviderErrorCode, failure.Message);
            throw failure;
        }

        var data = reply.Envelope!.Data!;
        var expiresAt = ExpiresAt(data, version, requestedAt);
        var lifetime = expiresAt - requestedAt;
        var skew = options.TokenRefreshSkew;
        var refreshAt = lifetime > skew + skew ? expiresAt - skew : requestedAt + (lifetime / 2);
        Interlocked.Increment(ref _fetchCount);
        instance.Logger.TokenFetched(instance.Name, options.AdminUserId, "/" + path, expiresAt, refreshAt);
        return new CachedToken(data.Token!, expiresAt, refreshAt);
    }

    private static DateTimeOffset ExpiresAt(TokenData data, OpenImApiVersion version, DateTimeOffset requestedAt)
    {
        // v3 answers a duration (expireTimeSeconds, 90 days by default); v2 an absolute Unix time (expiredTime).
        if (version == OpenImApiVersion.V2)
        {
            return data.ExpiredTime is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(data.ExpiredTime.Value) : requestedAt + UnknownLifetime;
        }

        return data.ExpireTimeSeconds is > 0 and < 31_536_000_000 ? requestedAt + TimeSpan.FromSeconds(data.ExpireTimeSeconds.Value) : requestedAt + UnknownLifetime;
    }

    private ProviderException Refused(string path, OpenImReply<TokenData> reply)
    {
        var envelope = reply.Envelope;
        var classification = OpenImErrorMap.Classify(instance.Options.ApiVersion == OpenImApiVersion.V2, reply.Status, envelope?.ErrCode, envelope?.ErrMsg, envelope?.ErrDlt);
        var said = envelope is null
            ? $"HTTP {reply.Status}"
            : $"HTTP {reply.Status}, errCode {envelope.ErrCode} {envelope.ErrMsg}{(string.IsNullOrEmpty(envelope.ErrDlt) ? string.Empty : ": " + envelope.ErrDlt)}";

        // A refused token request is a credential or configuration problem (wrong Secret, AdminUserId not an admin,
        // wrong ApiVersion) unless the server itself was failing.
        var code = classification.Transient ? classification.Code
            : reply.Status == 404 ? GatewayErrorCode.Forbidden
            : GatewayErrorCode.Unauthorized;
        var hint = reply.Status == 404
            ? $"the server has no /{path}; check BaseUrl and ApiVersion ({instance.Options.ApiVersion})"
            : "check Secret, AdminUserId and ApiVersion";
        if (envelope?.ErrCode == 0)
        {
            hint = "the answer carried no token";
        }

        return new ProviderException(
            instance.Name,
            code,
            $"OpenIM refused the admin token request /{path} ({said}); {hint}",
            isTransient: classification.Transient,
            status: reply.Status,
            providerErrorCode: envelope?.ErrCode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            retryAfter: reply.RetryAfter);
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);
}
