namespace Gateway.Host.Messaging;

/// <summary>How outcome events are published (<c>Messaging:Events</c>).</summary>
internal sealed class EventOptions
{
    /// <summary>Gets or sets the format of the events on their exchanges.</summary>
    /// <value>The default is <see cref="EventFormat.MassTransit"/>.</value>
    public EventFormat Format { get; set; } = EventFormat.MassTransit;
}
