using System.Diagnostics;

namespace Gateway.Core.Diagnostics;

/// <summary>Names of the gateway's telemetry sources, shared by Core, the adapters and the host.</summary>
public static class GatewayDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every gateway instrument lives on.</summary>
    public const string MeterName = "MessagingGateway";

    /// <summary>The name of the gateway's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "MessagingGateway";

    /// <summary>The tag naming the command's <c>messageId</c> on the gateway's spans.</summary>
    public const string MessageIdTag = "messageId";

    /// <summary>The tag naming the provider instance on the gateway's spans and metrics.</summary>
    public const string ProviderTag = "provider";

    /// <summary>Gets the gateway's activity source; its spans are children of the current one (MassTransit's consume span on the bus).</summary>
    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    /// <summary>Starts the span of one send or revoke, or returns <see langword="null"/> when nobody listens.</summary>
    internal static Activity? Start(string operation, string messageId, string provider)
    {
        var activity = ActivitySource.StartActivity(operation, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"{operation} {provider}";
            activity.SetTag(MessageIdTag, messageId);
            activity.SetTag(ProviderTag, provider);
        }

        return activity;
    }
}
