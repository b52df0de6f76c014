namespace Gateway.Host.Messaging;

/// <summary>
/// What differs between the two commands the worker consumes; everything else (the consumer, its endpoint, retries,
/// redelivery, the final failure) is one shape for both.
/// </summary>
/// <typeparam name="TCommand">The command.</typeparam>
internal interface IGatewayCommandHandler<in TCommand>
    where TCommand : class
{
    /// <summary>Gets the command's queue, for example <c>send-message</c>.</summary>
    string QueueName { get; }

    /// <summary>Gets the endpoint settings for the command.</summary>
    CommandEndpointOptions Endpoint(MessagingOptions options);

    /// <summary>Gets the command's id, for logs and headers.</summary>
    string MessageIdOf(TCommand command);

    /// <summary>Runs the command through the gateway: returns its success or permanent failure; throws a transient failure.</summary>
    /// <param name="command">The command.</param>
    /// <param name="attempts">The attempts so far, this one included (reported in failure events).</param>
    /// <param name="cancellationToken">The consume token.</param>
    /// <returns>The outcome.</returns>
    Task<GatewayOutcome> HandleAsync(TCommand command, int attempts, CancellationToken cancellationToken);

    /// <summary>The failure outcome once a transient failure is final (redelivery budget spent).</summary>
    GatewayOutcome GaveUp(TCommand command, Exception exception, int attempts);
}
