using Gateway.Sandbox.TencentIm;
using Gateway.TencentIm.Auth;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.TencentIm.Tests.Auth;

public sealed class UserSigCacheTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task GetAsync_WithinLifetimeMinusSkew_ReturnsTheCachedToken()
    {
        using var cache = CreateSut();

        var first = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromMinutes(54));
        var second = await cache.GetAsync();

        Assert.Same(first, second);
        Assert.Equal(1, cache.Issued);
    }

    [Fact]
    public async Task GetAsync_InsideTheSkew_RegeneratesAheadOfExpiry()
    {
        using var cache = CreateSut();

        var first = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromMinutes(55));
        var second = await cache.GetAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, cache.Issued);
        TencentUserSig.TryDecode(second, out var document);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), document!.Time);
        Assert.Equal(3600, document.Expire);
        Assert.Equal(3000, _logger.LatestRecord.Id.Id);
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_GenerateOnce()
    {
        using var cache = CreateSut();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync().AsTask()));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, cache.Issued);
    }

    [Fact]
    public async Task RenewAsync_ConcurrentRenewalsOfTheSameRejectedToken_CollapseIntoOne()
    {
        using var cache = CreateSut();
        var rejected = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));

        var renewed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.RenewAsync(rejected)));

        Assert.Single(renewed.Distinct());
        Assert.NotEqual(rejected, renewed[0]);
        Assert.Equal(2, cache.Issued);
        Assert.Equal(renewed[0], await cache.GetAsync());
    }

    [Fact]
    public async Task Redact_Text_RemovesTheSecretAndTheLatestUserSigs()
    {
        using var cache = CreateSut();
        var first = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        var second = await cache.RenewAsync(first);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var current = await cache.RenewAsync(second);

        var text = cache.Redact($"first {first} second {second} now {current} key {TencentImEmulatorOptions.SampleSecretKey}");

        Assert.Equal("first *** second *** now *** key ***", text);
        Assert.Equal(string.Empty, cache.Redact(null));
    }

    private UserSigCache CreateSut() => new(
        "test",
        TencentImEmulatorOptions.SampleSdkAppId,
        "administrator",
        TencentImEmulatorOptions.SampleSecretKey,
        TimeSpan.FromHours(1),
        TimeSpan.FromMinutes(5),
        _clock,
        _logger);
}
