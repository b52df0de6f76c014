namespace Gateway.Core.RateLimiting;

/// <summary>One quota: a key (for example <c>tencent:1400000000:sendmsg</c>), at most <paramref name="Limit"/> permits per aligned window of <paramref name="Length"/>.</summary>
/// <param name="Key">The quota's key; processes that use the same key share it.</param>
/// <param name="Limit">The most permits one window grants.</param>
/// <param name="Length">The window length (1 second for per-second quotas, 1 minute for per-minute ones).</param>
/// <param name="Guard">
/// No permit is granted within this time of either edge of a window, so that a request reaches the provider inside the
/// window it was counted in even when it is a little late or the clocks differ a little.
/// </param>
public readonly record struct RateLimitWindow(string Key, int Limit, TimeSpan Length, TimeSpan Guard);
