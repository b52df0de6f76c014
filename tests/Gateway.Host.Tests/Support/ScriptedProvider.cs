using System.Collections.Concurrent;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// A provider type ("Scripted") whose instances answer from a script, so the bus behaviour (retries, error queue,
/// shutdown) can be driven exactly. The adapters' wire behaviour is tested against the emulators elsewhere.
/// </summary>
internal sealed class ScriptedProviderFactory : IMessageProviderFactory
{
    public const string Type = "Scripted";

    public ConcurrentQueue<Func<SendMessage, CancellationToken, Task<ProviderSendResult>>> Script { get; } = new();

    public ConcurrentQueue<SendMessage> Received { get; } = new();

    public ConcurrentQueue<RevokeMessage> Revoked { get; } = new();

    public string ProviderType => Type;

    public IReadOnlyList<string> Validate(ProviderInstanceSettings instance) => [];

    public IMessageProvider Create(ProviderInstanceSettings instance) => new ScriptedProvider(instance.Name, this);

    public static Task<ProviderSendResult> Delivered(SendMessage message) => Task.FromResult(new ProviderSendResult
    {
        Deliveries = [.. (message.To ?? [message.GroupId!]).Select(r => new MessageDelivery { Recipient = r, ProviderMessageKey = "key-" + r, SentAt = DateTimeOffset.UnixEpoch })],
    });

    public static ProviderException Transient(string name) =>
        new(name, GatewayErrorCode.ProviderUnavailable, "errCode 500: service down", isTransient: true, status: 200, providerErrorCode: "500");

    private sealed class ScriptedProvider(string name, ScriptedProviderFactory factory) : IMessageProvider
    {
        public string Name => name;

        public string ProviderType => Type;

        public ProviderCapabilities Capabilities { get; } = new()
        {
            ContentTypes = Enum.GetValues<ContentType>().ToHashSet(),
            RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
            SupportedFields = OptionalFields.OnlineOnly,
            Revoke = RecipientKinds.Users | RecipientKinds.Group,
        };

        public Task<ProviderSendResult> SendAsync(SendMessage message, CancellationToken cancellationToken = default)
        {
            factory.Received.Enqueue(message);
            return factory.Script.TryDequeue(out var step) ? step(message, cancellationToken) : Delivered(message);
        }

        public Task RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default)
        {
            factory.Revoked.Enqueue(request);
            return Task.CompletedTask;
        }
    }
}
