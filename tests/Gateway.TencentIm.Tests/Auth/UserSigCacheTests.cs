using Gateway.Sandbox.TencentIm;
using Gateway.TencentIm.Auth;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.TencentIm.Tests.Auth;

public sealed class UserSigCacheTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task GetAsync_WithinLifetimeMinusSkew_ReturnsTheCachedToken()
    {
        using var cache = CreateSut();

        var first = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromMinutes(54));
        var second = await cache.GetAsync();

        Assert.Same(first, second);
        Assert.Equal(1, cache.Generations);
    }

    [Fact]
    public async Task GetAsync_InsideTheSkew_RegeneratesAheadOfExpiry()
    {
        using var cache = CreateSut();

        var first = await cache.GetAsync();
        _clock.Advance(TimeSpan.FromMinutes(55));
        var second = await cache.GetAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, cache.Generations);
        TencentUserSig.TryDecode(second, out var document);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), document!.Time);
        Assert.Equal(3600, document.Expire);
    }

    [Fact]
    public async Task GetAsync_ManyConcurrentCallers_GenerateOnce()
    {
        using var cache = CreateSut();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync().AsTask()));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, cache.Generations);
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
        Assert.Equal(2, cache.Generations);
        Assert.Equal(renewed[0], await cache.GetAsync());
    }

    private UserSigCache CreateSut() => new(
        "test",
        TencentImEmulatorOptions.SampleSdkAppId,
        "administrator",
        TencentImEmulatorOptions.SampleSecretKey,
        TimeSpan.FromHours(1),
        TimeSpan.FromMinutes(5),
        _clock,
        NullLogger.Instance);
}
