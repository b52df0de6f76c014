using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Hosting;

/// <summary>How a verb wants the host composed.</summary>
internal sealed record GatewayHostSettings
{
    /// <summary>Gets an extra JSON configuration file (<c>--config</c>), layered over appsettings.json, under environment variables.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets a value indicating whether appsettings.json (next to the binary) is read; the demo and tests leave it out.</summary>
    public bool IncludeAppSettings { get; init; } = true;

    /// <summary>Gets configuration values that win over everything else (the demo and tests use them).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    /// <summary>Gets a value indicating whether the bus is registered at all (<c>render</c> and <c>send --direct</c> do without).</summary>
    public bool WithBus { get; init; } = true;

    /// <summary>Gets a value indicating whether this process consumes the command queues (<c>send</c> on RabbitMQ only publishes).</summary>
    public bool WithConsumers { get; init; } = true;

    /// <summary>Gets a value indicating whether the health and metrics listener may start (the worker only).</summary>
    public bool WithDiagnosticsListener { get; init; }

    /// <summary>Gets a value indicating whether logs go to stderr so stdout carries only the verb's output.</summary>
    public bool LogsToStandardError { get; init; }

    /// <summary>Gets extra service registrations, applied last (the demo's emulators, tests' fakes).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Gets extra bus registrations (the demo's and tests' outcome collectors).</summary>
    public Action<IBusRegistrationConfigurator>? ConfigureBus { get; init; }
}
