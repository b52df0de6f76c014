using Gateway.Core.Contracts;

namespace Gateway.Host.Diagnostics;

/// <summary>One provider's last outcome.</summary>
internal sealed record ProviderOutcome(DateTimeOffset At, bool Succeeded, GatewayErrorCode? Code, bool Transient);
