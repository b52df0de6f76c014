namespace Gateway.TencentIm.Internal;

/// <summary>A code delegate for one instance, from <c>AddTencentIm(name, o =&gt; ...)</c>, applied after its configuration.</summary>
internal sealed record TencentImCodeConfiguration(string Name, Action<TencentImOptions> Configure);
