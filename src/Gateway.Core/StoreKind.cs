namespace Gateway.Core;

/// <summary>Where a gateway store keeps its state.</summary>
public enum StoreKind
{
    /// <summary>This process's memory: correct for one worker; several workers each keep their own.</summary>
    InMemory = 0,

    /// <summary>A Redis server shared by every worker (<c>ConnectionStrings:Redis</c>; registered by the Gateway.Redis package).</summary>
    Redis = 1,
}
