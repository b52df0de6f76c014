using Gateway.Host.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Hosting;

/// <summary>
/// The generic host every verb runs in: configuration layers, logging, and the gateway with both adapters. Each verb
/// adds what it needs on top (the bus, the diagnostics listener, telemetry, emulators).
/// </summary>
internal static class GatewayHost
{
    public static HostApplicationBuilder CreateBuilder(GatewayHostSettings settings)
    {
        // Defaults are composed by hand so that tests and the demo can leave appsettings.json out.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Gateway.Host",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
            DisableDefaults = true,
        });

        if (settings.IncludeAppSettings)
        {
            builder.Configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
            builder.Configuration.AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true, reloadOnChange: false);
        }

        if (settings.ConfigFile is not null)
        {
            var path = Path.GetFullPath(settings.ConfigFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"--config: the file '{path}' does not exist", path);
            }

            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        // Environment variables have the last word over files (secrets: Gateway__Providers__<name>__Secret).
        builder.Configuration.AddEnvironmentVariables();
        if (settings.Overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Overrides);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));

        // Startup failures are reported by the verbs themselves (configuration errors name their keys); the host's own
        // "Hosting failed to start" entry would repeat them with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // The health-check service logs every degraded probe as a warning; changes of a provider's state are logged once instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error);
        builder.Logging.AddConsole(console =>
        {
            if (settings.LogsToStandardError)
            {
                console.LogToStandardErrorThreshold = LogLevel.Trace;
            }
        });
        if (settings.LogsToStandardError)
        {
            // Tool verbs print their result on stdout; only problems belong on the console besides it.
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        // Under systemd (a Type=notify unit, deploy/messaging-gateway.service) the host reports READY=1 once started (after
        // the bus is connected) and STOPPING=1 on shutdown, and logs in systemd's format; anywhere else this does nothing.
        builder.Services.AddSystemd();

        builder.Services.AddMessagingGateway(builder.Configuration.GetSection(Gateway.Core.GatewayOptions.SectionName))
            .AddOpenIm()
            .AddTencentIm()
            .AddRedisStores(builder.Configuration);
        builder.Services.TryAddSingleton<ProviderHealthTracker>();
        builder.Services.AddHealthChecks().AddCheck<ProvidersHealthCheck>("providers", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Runs every startup validation (options registered with <c>ValidateOnStart</c>) before anything starts, so a
    /// configuration error stops the verb before the bus connects (and before it logs a stop it never began).
    /// </summary>
    /// <param name="host">The built host.</param>
    /// <exception cref="OptionsValidationException">Every failure, each naming its key.</exception>
    public static void Validate(IHost host)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            throw new OptionsValidationException(string.Empty, typeof(object), failures);
        }
    }
}
