using System.Collections.Concurrent;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;

namespace Gateway.Testing;

/// <summary>
/// The one fake provider instance for tests of everything above the adapters: records what it was asked to send or
/// revoke and answers from <see cref="OnSend"/> and <see cref="OnRevoke"/> (by default every recipient gets the
/// message and every revoke succeeds). Capabilities and the circuit state are settable.
/// </summary>
public sealed class FakeProvider : IMessageProvider
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();
    private readonly ConcurrentQueue<OutboundRevoke> _revoked = new();

    /// <summary>Initializes a new instance of the <see cref="FakeProvider"/> class.</summary>
    /// <param name="name">The instance name.</param>
    /// <param name="providerType">The provider type name.</param>
    public FakeProvider(string name = "primary", string providerType = "Fake")
    {
        Name = name;
        ProviderType = providerType;
    }

    /// <summary>Gets capabilities that allow everything: every content type, users and groups, every option, revokes.</summary>
    public static ProviderCapabilities AllCapabilities { get; } = new()
    {
        ContentTypes = Enum.GetValues<ContentType>().ToHashSet(),
        RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
        MaxRecipientsPerCall = 100,
        SupportedFields = (OptionalFields)(-1),
        Revoke = RecipientKinds.Users | RecipientKinds.Group,
    };

    /// <summary>Gets the time every default delivery reports.</summary>
    public static DateTimeOffset SentAt { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string ProviderType { get; }

    /// <inheritdoc />
    public ProviderCapabilities Capabilities { get; set; } = AllCapabilities;

    /// <inheritdoc />
    public ProviderCircuitState CircuitState { get; set; }

    /// <summary>Gets or sets the answer to a send (may throw, wait or fail recipients).</summary>
    public Func<OutboundMessage, CancellationToken, Task<ProviderSendResult>> OnSend { get; set; } = static (message, _) => Task.FromResult(Delivered(message));

    /// <summary>Gets or sets the answer to a revoke.</summary>
    public Func<OutboundRevoke, CancellationToken, Task> OnRevoke { get; set; } = static (_, _) => Task.CompletedTask;

    /// <summary>Gets every message the provider was asked to send, in order.</summary>
    public IReadOnlyList<OutboundMessage> Sent => [.. _sent];

    /// <summary>Gets every revoke the provider was asked for, in order.</summary>
    public IReadOnlyList<OutboundRevoke> Revoked => [.. _revoked];

    /// <summary>The default answer: every user (or the group) got the message, with key <c>key-&lt;recipient&gt;</c>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The result.</returns>
    public static ProviderSendResult Delivered(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        IReadOnlyList<string> recipients = message.Recipients switch
        {
            UserRecipients users => users.UserIds,
            GroupRecipient group => [group.GroupId],
            _ => throw new InvalidOperationException("unknown recipients"),
        };
        return new ProviderSendResult
        {
            Deliveries = [.. recipients.Select(r => new MessageDelivery { Recipient = r, ProviderMessageKey = "key-" + r, SentAt = SentAt })],
        };
    }

    /// <summary>Makes the next <paramref name="times"/> sends throw <paramref name="exception"/>; later ones answer as before.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="times">How many sends fail.</param>
    public void ThrowOnSend(Exception exception, int times = int.MaxValue)
    {
        var remaining = times;
        var then = OnSend;
        OnSend = (message, cancellationToken) => Interlocked.Decrement(ref remaining) >= 0
            ? Task.FromException<ProviderSendResult>(exception)
            : then(message, cancellationToken);
    }

    /// <summary>Makes the next <paramref name="times"/> revokes throw <paramref name="exception"/>; later ones answer as before.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="times">How many revokes fail.</param>
    public void ThrowOnRevoke(Exception exception, int times = int.MaxValue)
    {
        var remaining = times;
        var then = OnRevoke;
        OnRevoke = (request, cancellationToken) => Interlocked.Decrement(ref remaining) >= 0
            ? Task.FromException(exception)
            : then(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProviderSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return OnSend(message, cancellationToken);
    }

    /// <inheritdoc />
    public Task RevokeAsync(OutboundRevoke request, CancellationToken cancellationToken = default)
    {
        _revoked.Enqueue(request);
        return OnRevoke(request, cancellationToken);
    }
}
