using Gateway.Core.Idempotency;

namespace Gateway.Core.Tests.Fakes;

/// <summary>NSubstitute idempotency stores that answer what a shared store may answer: Busy, unreachable, failing writes.</summary>
// NSubstitute's call specifications return ValueTasks that are configured, never consumed.
#pragma warning disable CA2012
internal static class StoreSubstitutes
{
    /// <summary>Answers the n-th claim with the n-th status (the last one repeats); acquired claims carry the token <c>t-n</c>.</summary>
    public static IIdempotencyStore Claims(params IdempotencyClaimStatus[] statuses)
    {
        var store = Substitute.For<IIdempotencyStore>();
        var claims = 0;
        store.ClaimAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var n = Interlocked.Increment(ref claims);
            var status = statuses[Math.Min(n, statuses.Length) - 1];
            return new ValueTask<IdempotencyClaim>(new IdempotencyClaim(
                call.Arg<string>(),
                status,
                status == IdempotencyClaimStatus.Acquired ? $"t-{n}" : null));
        });
        return store;
    }

    /// <summary>Every claim fails with <paramref name="exception"/>.</summary>
    public static IIdempotencyStore ClaimThrows(Exception exception)
    {
        var store = Substitute.For<IIdempotencyStore>();
        store.ClaimAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => ValueTask.FromException<IdempotencyClaim>(exception));
        return store;
    }

    /// <summary>Every claim is acquired; recording the outcome fails with <paramref name="exception"/>.</summary>
    public static IIdempotencyStore CompleteThrows(Exception exception)
    {
        var store = Claims(IdempotencyClaimStatus.Acquired);
        store.CompleteAsync(Arg.Any<IdempotencyClaim>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => ValueTask.FromException(exception));
        return store;
    }

    /// <summary>Every claim is acquired; releasing it fails with <paramref name="exception"/>.</summary>
    public static IIdempotencyStore ReleaseThrows(Exception exception)
    {
        var store = Claims(IdempotencyClaimStatus.Acquired);
        store.ReleaseAsync(Arg.Any<IdempotencyClaim>(), Arg.Any<CancellationToken>()).Returns(_ => ValueTask.FromException(exception));
        return store;
    }
}
