namespace Gateway.Reliability.Scenarios;

/// <summary>One fault-injection scenario: the set-up, the fault injected mid-run, and the targets it is held to.</summary>
internal sealed record Scenario
{
    /// <summary>Gets the id, starting with the letter (a–i): <c>a-kill9-2w</c>.</summary>
    public required string Id { get; init; }

    public required string Description { get; init; }

    public string Provider { get; init; } = GatewayConfiguration.OpenIm;

    public int Workers { get; init; } = 1;

    /// <summary>Gets a value indicating whether the workers use the Redis idempotency and rate-limit stores.</summary>
    public bool UsesRedis { get; init; }

    /// <summary>Gets the share of invalid plus malformed commands mixed in.</summary>
    public double RejectedFraction { get; init; }

    public DuplicateTarget Duplicates { get; init; } = DuplicateTarget.Zero;

    /// <summary>Gets how long the suite waits, after the last publish, for every command to be accounted for.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Gets a value indicating whether only <c>--full</c> (or naming it) runs it.</summary>
    public bool FullOnly { get; init; }

    /// <summary>
    /// Gets a value indicating whether the run proves nothing unless the provider rejected a credential (d: an admin token
    /// answered 1501, a UserSig 70001) and the gateway recovered; without one the scenario fails.
    /// </summary>
    public bool RequiresCredentialRejection { get; init; }

    /// <summary>Gets a value indicating whether <c>--short</c> runs it too, whatever its group.</summary>
    public bool Short { get; init; }

    /// <summary>
    /// Gets a value indicating whether it is the hostile-input scenario: its own catalogue of commands, published one at
    /// a time (<see cref="Hostile.HostileRunner"/>) instead of the paced plan; <see cref="Fault"/> is not used.
    /// </summary>
    public bool Hostile { get; init; }

    /// <summary>Gets the fault, started at 40 % of the publishing time.</summary>
    public required Func<ScenarioContext, Task> Fault { get; init; }

    public char Group => Id[0];
}
