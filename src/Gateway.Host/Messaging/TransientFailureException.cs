using Gateway.Core.Contracts;

namespace Gateway.Host.Messaging;

/// <summary>Thrown by a consumer to have the bus retry a command whose provider failure was transient.</summary>
internal sealed class TransientFailureException(GatewayError error)
    : Exception($"{error.Code} (provider code {error.ProviderCode ?? "none"}): {error.Message}")
{
    public GatewayError Error { get; } = error;
}
