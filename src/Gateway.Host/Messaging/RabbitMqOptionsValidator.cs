using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Startup checks of the <c>RabbitMq</c> section, each naming its key.</summary>
internal sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("RabbitMq:Host is required");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"RabbitMq:Port must be between 1 and 65535 (was {options.Port})");
        }

        if (string.IsNullOrEmpty(options.VirtualHost))
        {
            errors.Add("RabbitMq:VirtualHost is required (\"/\" is the default virtual host)");
        }

        if (string.IsNullOrEmpty(options.Username))
        {
            errors.Add("RabbitMq:Username is required");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
