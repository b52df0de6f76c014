using Gateway.Core.Contracts;

namespace Gateway.Host.Messaging;

/// <summary>What one command came to: the event to publish, and for health reports the provider and the error, if any.</summary>
/// <param name="Event">The outcome event (<see cref="MessageSent"/>, <see cref="MessageSendFailed"/>, <see cref="MessageRevoked"/> or <see cref="MessageRevokeFailed"/>).</param>
/// <param name="Provider">The provider instance, when one was chosen.</param>
/// <param name="Error">The failure, or <see langword="null"/> on success.</param>
internal readonly record struct GatewayOutcome(object Event, string? Provider, GatewayError? Error);
