using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Startup checks of the <c>Messaging</c> section, each naming its key.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    /// <summary>The smallest <c>Messaging:MaxCommandBytes</c>: below it even an ordinary command would not fit.</summary>
    public const int MinCommandBytes = 1024;

    /// <summary>The largest <c>Messaging:MaxCommandBytes</c>: RabbitMQ's own upper limit on <c>max_message_size</c> (512 MiB).</summary>
    public const int MaxBrokerMessageBytes = 512 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var errors = new List<string>();
        CheckEndpoint("SendMessage", options.SendMessage, errors);
        CheckEndpoint("RevokeMessage", options.RevokeMessage, errors);
        if (options.MaxCommandBytes is < MinCommandBytes or > MaxBrokerMessageBytes)
        {
            errors.Add($"Messaging:MaxCommandBytes must be between {MinCommandBytes} and {MaxBrokerMessageBytes} (RabbitMQ's largest message) (was {options.MaxCommandBytes})");
        }

        var retry = options.Retry;
        if (retry.Limit is < 0 or > 10)
        {
            errors.Add($"Messaging:Retry:Limit must be between 0 and 10 (was {retry.Limit})");
        }

        if (retry.MinInterval <= TimeSpan.Zero || retry.MaxInterval < retry.MinInterval)
        {
            errors.Add($"Messaging:Retry:MinInterval must be positive and at most Messaging:Retry:MaxInterval (were {retry.MinInterval} and {retry.MaxInterval})");
        }

        if (retry.IntervalDelta < TimeSpan.Zero)
        {
            errors.Add("Messaging:Retry:IntervalDelta must not be negative");
        }

        var redelivery = options.Redelivery;
        if (redelivery.Budget < TimeSpan.Zero)
        {
            errors.Add($"Messaging:Redelivery:Budget must not be negative (was {redelivery.Budget}; 00:00:00 sends transient failures to the error queue once the in-process retries are spent)");
        }

        for (var i = 0; i < redelivery.Steps.Count; i++)
        {
            var step = redelivery.Steps[i];
            if (step.Delay < TimeSpan.FromSeconds(1) || step.Delay > TimeSpan.FromDays(1))
            {
                errors.Add($"Messaging:Redelivery:Steps:{i}:Delay must be between 00:00:01 and 1.00:00:00 (was {step.Delay})");
            }

            if (i > 0 && step.Delay < redelivery.Steps[i - 1].Delay)
            {
                errors.Add($"Messaging:Redelivery:Steps:{i}:Delay must not be shorter than the step before it");
            }

            if (i < redelivery.Steps.Count - 1 && step.Until is null)
            {
                errors.Add($"Messaging:Redelivery:Steps:{i}:Until is required on every step but the last");
            }
        }

        if (options.StopTimeout <= TimeSpan.Zero || options.StartTimeout <= TimeSpan.Zero)
        {
            errors.Add("Messaging:StartTimeout and Messaging:StopTimeout must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckEndpoint(string key, CommandEndpointOptions endpoint, List<string> errors)
    {
        if (endpoint.PrefetchCount < 1)
        {
            errors.Add($"Messaging:{key}:PrefetchCount must be at least 1 (was {endpoint.PrefetchCount})");
        }

        if (endpoint.ConcurrentMessageLimit < 1)
        {
            errors.Add($"Messaging:{key}:ConcurrentMessageLimit must be at least 1 (was {endpoint.ConcurrentMessageLimit})");
        }
    }
}
