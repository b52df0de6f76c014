using System.Collections.Concurrent;
using Gateway.Core.Contracts;
using MassTransit;

namespace Gateway.Host.Tests.Support;

/// <summary>Every outcome event the bus delivered to the test's own queue, so tests observe what other services would.</summary>
internal sealed class OutcomeLog
{
    private readonly ConcurrentQueue<object> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<object> Events => [.. _events];

    public void Add(object outcome)
    {
        _events.Enqueue(outcome);
        _arrived.Release();
    }

    /// <summary>Waits (bounded) for an event of type <typeparamref name="T"/> about <paramref name="messageId"/>.</summary>
    public async Task<T> WaitForAsync<T>(string messageId, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _events.OfType<T>().FirstOrDefault(e => MessageIdOf(e) == messageId);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {typeof(T).Name} for '{messageId}'; events so far: {string.Join(", ", _events.Select(e => $"{e.GetType().Name}({MessageIdOf(e)})"))}");
            }
        }
    }

    private static string? MessageIdOf(object outcome) => outcome switch
    {
        MessageSent e => e.MessageId,
        MessageSendFailed e => e.MessageId,
        MessageRevoked e => e.MessageId,
        MessageRevokeFailed e => e.MessageId,
        _ => null,
    };
}

/// <summary>Collects outcome events into the <see cref="OutcomeLog"/>.</summary>
internal sealed class OutcomeCollector(OutcomeLog log) :
    IConsumer<MessageSent>,
    IConsumer<MessageSendFailed>,
    IConsumer<MessageRevoked>,
    IConsumer<MessageRevokeFailed>
{
    public Task Consume(ConsumeContext<MessageSent> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageSendFailed> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageRevoked> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageRevokeFailed> context) => Collect(context.Message);

    private Task Collect(object message)
    {
        log.Add(message);
        return Task.CompletedTask;
    }
}
