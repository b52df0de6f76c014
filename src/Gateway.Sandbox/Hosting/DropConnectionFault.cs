namespace Gateway.Sandbox.Hosting;

/// <summary>See <see cref="Fault.DropConnection"/>.</summary>
public sealed record DropConnectionFault : Fault;
