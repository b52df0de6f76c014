using System.Collections;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Gateway.Reliability.Bus;

/// <summary>
/// One message the suite took off the error queue or its outcome queue: where it came from, its AMQP properties and
/// headers (as text) and its body. The hostile-input scenario reads the reasons from it; the secrets audit scans it.
/// </summary>
internal sealed record BrokerRecord
{
    /// <summary>Gets the queue it was read from (<c>send-message_error</c> or the suite's outcome queue).</summary>
    public required string Queue { get; init; }

    /// <summary>Gets the exchange it was published to (the event's exchange for outcomes).</summary>
    public required string Exchange { get; init; }

    /// <summary>Gets the order in which the suite read it (1, 2, ... per queue and run).</summary>
    public required int Sequence { get; init; }

    public string? MessageId { get; init; }

    public string? ContentType { get; init; }

    public string? Type { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the header's text, or null when the message has none of that name.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static BrokerRecord From(string queue, int sequence, BasicGetResult result) => new()
    {
        Queue = queue,
        Exchange = result.Exchange,
        Sequence = sequence,
        MessageId = result.BasicProperties.MessageId,
        ContentType = result.BasicProperties.ContentType,
        Type = result.BasicProperties.Type,
        Headers = result.BasicProperties.Headers is { } headers
            ? headers.ToDictionary(h => h.Key, h => Text(h.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal),
        Body = result.Body.ToArray(),
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => k + "=" + Text(dictionary[k]))) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
