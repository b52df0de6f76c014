using Gateway.Core.Contracts;

namespace Gateway.Host.Messaging;

/// <summary>The event exchanges: MassTransit's names for the contracts (namespace and type), so they do not change with the format.</summary>
internal static class EventExchanges
{
    public static IReadOnlyList<string> All { get; } =
        [For(typeof(MessageSent)), For(typeof(MessageSendFailed)), For(typeof(MessageRevoked)), For(typeof(MessageRevokeFailed))];

    /// <summary>Gets the exchange names, comma-separated, for logs.</summary>
    public static string Names { get; } = string.Join(", ", All);

    public static string For(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return $"{eventType.Namespace}:{eventType.Name}";
    }
}
