using Microsoft.Extensions.Logging;

namespace Gateway.TencentIm.Auth;

/// <summary>
/// The admin UserSig of one provider instance: generated locally, reused until its expiry minus the refresh skew, and
/// regenerated once when Tencent rejects it. Concurrent refreshes collapse into one.
/// </summary>
internal sealed class UserSigCache(
    string provider,
    long sdkAppId,
    string identifier,
    string secretKey,
    TimeSpan lifetime,
    TimeSpan refreshSkew,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;

    /// <summary>Gets the number of tokens generated so far.</summary>
    public int Generations { get; private set; }

    /// <summary>Gets the cached token, generating one when there is none or it is within the skew of its expiry.</summary>
    public ValueTask<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var entry = _current;
        if (entry is not null && timeProvider.GetUtcNow() < entry.RefreshAt)
        {
            return new ValueTask<string>(entry.Token);
        }

        return new ValueTask<string>(RefreshAsync(entry?.Token, force: false, cancellationToken));
    }

    /// <summary>Regenerates the token after Tencent rejected <paramref name="rejected"/>, unless another caller already did.</summary>
    public Task<string> RenewAsync(string rejected, CancellationToken cancellationToken = default) =>
        RefreshAsync(rejected, force: true, cancellationToken);

    /// <summary>Gets the current token, if any (for redaction of provider texts).</summary>
    public string? Current => _current?.Token;

    public void Dispose() => _gate.Dispose();

    private async Task<string> RefreshAsync(string? stale, bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entry = _current;
            var now = timeProvider.GetUtcNow();
            if (entry is not null && now < entry.RefreshAt && (!force || entry.Token != stale))
            {
                // Another caller refreshed while this one waited.
                return entry.Token;
            }

            var time = now.ToUnixTimeSeconds();
            var expire = (long)lifetime.TotalSeconds;
            var token = UserSigGenerator.Generate(sdkAppId, identifier, secretKey, time, expire);
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(time + expire);
            _current = new Entry(token, expiresAt - refreshSkew);
            Generations++;
            logger.UserSigGenerated(provider, expiresAt);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Entry(string Token, DateTimeOffset RefreshAt);
}
