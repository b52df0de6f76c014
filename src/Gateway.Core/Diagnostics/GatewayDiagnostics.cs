namespace Gateway.Core.Diagnostics;

/// <summary>Names of the gateway's telemetry sources, shared by Core, the adapters and the host.</summary>
public static class GatewayDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every gateway instrument lives on.</summary>
    public const string MeterName = "MessagingGateway";
}
