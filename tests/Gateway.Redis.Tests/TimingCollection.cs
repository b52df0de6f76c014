namespace Gateway.Redis.Tests;

/// <summary>Timing-sensitive test classes: they run alone, after the parallel ones, so other tests cannot delay their calls.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Timing";
}
