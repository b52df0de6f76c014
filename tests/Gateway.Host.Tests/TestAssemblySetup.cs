using System.Runtime.CompilerServices;

namespace Gateway.Host.Tests;

/// <summary>What the whole test process sets before any test runs.</summary>
internal static class TestAssemblySetup
{
    /// <summary>
    /// MassTransit 8.5 reports usage telemetry to its authors' server when a bus starts; the tests start dozens of
    /// buses (and run the binary, see <see cref="Support.HostProcess"/>) and must not call out of the machine.
    /// </summary>
    public const string UsageTelemetryVariable = "MASSTRANSIT_USAGE_TELEMETRY";

#pragma warning disable CA2255 // A test assembly, not a library: the setting is meant for this test process only.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void NoUsageTelemetry() => Environment.SetEnvironmentVariable(UsageTelemetryVariable, "false");
}
