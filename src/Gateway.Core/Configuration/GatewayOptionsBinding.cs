using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Configuration;

/// <summary>
/// Binds <see cref="GatewayOptions"/> from the gateway's section, turning a value the binder cannot convert into a
/// startup failure that names the key without repeating the value (a secret pasted into the wrong line must not reach
/// the log). The failures are reported by the options validator with every other problem.
/// </summary>
internal sealed class GatewayOptionsBinding(GatewayConfiguration configuration) : IConfigureOptions<GatewayOptions>
{
    public void Configure(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (configuration.Section is not { } section)
        {
            return;
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            options.BindingErrors.Add(ConfigurationErrors.Binding(exception, typeof(GatewayOptions), configuration.Path));
        }
    }
}
