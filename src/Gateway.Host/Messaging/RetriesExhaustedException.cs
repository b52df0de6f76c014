using Gateway.Core.Contracts;

namespace Gateway.Host.Messaging;

/// <summary>Thrown after the last retry, so the command goes to the endpoint's <c>_error</c> queue without another retry.</summary>
internal sealed class RetriesExhaustedException(GatewayError error, int attempts)
    : Exception($"gave up after {attempts} attempts: {error.Code} (provider code {error.ProviderCode ?? "none"}): {error.Message}")
{
    public GatewayError Error { get; } = error;
}
