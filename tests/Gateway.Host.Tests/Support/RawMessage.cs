using System.Text;
using RabbitMQ.Client;

namespace Gateway.Host.Tests.Support;

/// <summary>A message read from a queue: its body as text and its AMQP properties.</summary>
/// <param name="Body">The body (UTF-8).</param>
/// <param name="Properties">The AMQP properties.</param>
internal sealed record RawMessage(string Body, IReadOnlyBasicProperties Properties)
{
    /// <summary>Gets a header as text (AMQP long strings arrive as bytes), or an empty string when absent.</summary>
    public string Header(string name) =>
        Properties.Headers is { } headers && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => value?.ToString() ?? string.Empty,
        } : string.Empty;
}
