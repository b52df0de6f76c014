namespace Gateway.OpenIm.Internal;

/// <summary>An options delegate from <c>AddOpenIm(name, o =&gt; ...)</c>, applied by the factory to the instance of that name.</summary>
/// <param name="Name">The instance name (case-insensitive).</param>
/// <param name="Configure">The delegate.</param>
internal sealed record OpenImCodeConfiguration(string Name, Action<OpenImOptions> Configure);
