using Gateway.Core.RateLimiting;

namespace Gateway.Core.Http;

/// <summary>What one attempt costs against one quota.</summary>
/// <param name="Window">The quota.</param>
/// <param name="Permits">How many permits the attempt takes (1 per request, or the recipients of a batch call).</param>
/// <param name="Limiter">The limiter's name in metrics, for example <c>sendmsg</c> or <c>batch_recipients</c>.</param>
public readonly record struct QuotaDemand(RateLimitWindow Window, int Permits, string Limiter);
