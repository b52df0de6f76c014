using Gateway.Core.Providers;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm.Auth;

/// <summary>
/// The admin token of one provider instance: fetched once, reused until its expiry minus the refresh skew, fetched
/// again by one caller while the others wait (single flight), and renewed once when the server rejects it. One token
/// per instance per process matters: OpenIM main evicts older admin tokens five minutes after a newer one is fetched.
/// The fetch itself is a delegate (the typed client's token call), so this cache knows no HTTP.
/// </summary>
internal sealed class OpenImTokenCache(
    string instance,
    TimeSpan refreshSkew,
    Func<CancellationToken, Task<OpenImTokenGrant>> fetch,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;
    private int _issued;

    /// <summary>Gets how many tokens this cache has fetched.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Gets the current token, fetching one when there is none or it is due for refresh.</summary>
    /// <exception cref="ProviderException">No token could be obtained.</exception>
    public ValueTask<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        return current is not null && timeProvider.GetUtcNow() < current.RefreshAt
            ? new ValueTask<string>(current.Token)
            : new ValueTask<string>(RefreshAsync(stale: null, cancellationToken));
    }

    /// <summary>Fetches a new token after the server rejected <paramref name="rejected"/>, unless another caller already replaced it.</summary>
    public Task<string> RenewAsync(string rejected, CancellationToken cancellationToken = default) => RefreshAsync(rejected, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<string> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            var now = timeProvider.GetUtcNow();
            if (current is not null && current.Token != stale && now < current.RefreshAt)
            {
                // Another caller refreshed while this one waited.
                return current.Token;
            }

            OpenImTokenGrant grant;
            try
            {
                grant = await fetch(cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (stale is null && current is not null && timeProvider.GetUtcNow() < current.ExpiresAt)
            {
                // Refreshing ahead of expiry failed, but the current token is still good: keep using it.
                logger.TokenKeptAfterFailedRefresh(exception, instance, current.ExpiresAt);
                return current.Token;
            }
            catch (ProviderException exception)
            {
                logger.TokenFetchFailed(instance, exception.ErrorCode, exception.ProviderErrorCode, exception.Message);
                throw;
            }

            var lifetime = grant.ExpiresAt - now;
            var refreshAt = lifetime > refreshSkew + refreshSkew ? grant.ExpiresAt - refreshSkew : now + (lifetime / 2);
            _current = new Entry(grant.Token, grant.ExpiresAt, refreshAt);
            Interlocked.Increment(ref _issued);
            logger.TokenFetched(instance, grant.ExpiresAt, refreshAt);
            return grant.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Entry(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);
}
