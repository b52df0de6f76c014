namespace Gateway.Sandbox.Hosting;

/// <summary>See <see cref="Fault.Respond"/>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body, or <see langword="null"/>.</param>
/// <param name="Headers">Extra headers.</param>
public sealed record RespondFault(int Status, string? Body, IReadOnlyDictionary<string, string> Headers) : Fault;
