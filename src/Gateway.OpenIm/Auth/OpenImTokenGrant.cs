namespace Gateway.OpenIm.Auth;

/// <summary>An admin token as the server issued it.</summary>
/// <param name="Token">The token (never logged).</param>
/// <param name="ExpiresAt">When it expires.</param>
internal sealed record OpenImTokenGrant(string Token, DateTimeOffset ExpiresAt);
