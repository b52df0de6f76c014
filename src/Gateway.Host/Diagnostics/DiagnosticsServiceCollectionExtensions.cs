using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Diagnostics;

/// <summary>Registers the listener and the metrics collector.</summary>
internal static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayDiagnosticsListener(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.SectionName))
            .Validate(o => o.Port is null or (>= 0 and <= 65535), "Diagnostics:Port must be between 0 and 65535")
            .Validate(o => IPAddress.TryParse(o.BindAddress, out _), "Diagnostics:BindAddress must be an IP address, such as 0.0.0.0 or 127.0.0.1")
            .ValidateOnStart();
        services.AddSingleton<DiagnosticsListener>();
        services.AddHostedService(sp => sp.GetRequiredService<DiagnosticsListener>());
        return services;
    }
}
