using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Startup checks of the <c>Messaging</c> section, each naming its key.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var errors = new List<string>();
        CheckEndpoint("SendMessage", options.SendMessage, errors);
        CheckEndpoint("RevokeMessage", options.RevokeMessage, errors);
        var retry = options.Retry;
        if (retry.Limit < 0)
        {
            errors.Add($"Messaging:Retry:Limit must be 0 or more (was {retry.Limit})");
        }

        if (retry.MinInterval <= TimeSpan.Zero || retry.MaxInterval < retry.MinInterval)
        {
            errors.Add($"Messaging:Retry:MinInterval must be positive and at most Messaging:Retry:MaxInterval (were {retry.MinInterval} and {retry.MaxInterval})");
        }

        if (retry.IntervalDelta < TimeSpan.Zero || retry.MaxRetryAfterWait < TimeSpan.Zero)
        {
            errors.Add("Messaging:Retry:IntervalDelta and Messaging:Retry:MaxRetryAfterWait must not be negative");
        }

        if (options.StopTimeout <= TimeSpan.Zero || options.StartTimeout <= TimeSpan.Zero)
        {
            errors.Add("Messaging:StartTimeout and Messaging:StopTimeout must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckEndpoint(string key, EndpointOptions endpoint, List<string> errors)
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
