using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Core.Diagnostics;
using Gateway.Core.Tests.Fakes;
using Gateway.Testing;

namespace Gateway.Core.Tests.Diagnostics;

/// <summary>Spans of the gateway's activity source. Tests elsewhere may start spans at the same time, so each test finds its own by message id.</summary>
public sealed class GatewayDiagnosticsTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public GatewayDiagnosticsTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void Start_SomeoneListens_SpanCarriesMessageIdAndProvider()
    {
        var id = Samples.NewId("span");

        using (var activity = GatewayDiagnostics.Start("send", id, "openim"))
        {
            Assert.NotNull(activity);
            Assert.Equal(ActivityKind.Internal, activity.Kind);
        }

        var span = StoppedSpan(id);
        Assert.Equal(("send", "send openim", "openim"), (span.OperationName, span.DisplayName, span.GetTagItem(GatewayDiagnostics.ProviderTag)));
    }

    [Fact]
    public void Start_InsideAnotherSpan_IsItsChild()
    {
        using var parent = new Activity("consume").Start();

        using var activity = GatewayDiagnostics.Start("send", Samples.NewId("span"), "openim");

        Assert.Equal(parent.SpanId, activity!.ParentSpanId);
    }

    [Fact]
    public async Task SendAsync_DefaultRouting_SpanNamesTheChosenInstance()
    {
        using var gateway = TestGateway.Create(o => o.DefaultProvider = "tencent", instances: ["openim", "tencent"]);
        var id = Samples.NewId("span");

        await gateway.Pipeline.SendAsync(Samples.Text(id), default);

        var span = StoppedSpan(id);
        Assert.Equal(("send", "tencent"), (span.OperationName, span.GetTagItem(GatewayDiagnostics.ProviderTag)));
    }

    [Fact]
    public async Task RevokeAsync_Routed_SpanCarriesMessageIdAndProvider()
    {
        using var gateway = TestGateway.Create();
        var id = Samples.NewId("span");

        await gateway.Pipeline.RevokeAsync(Samples.Revoke(id), default);

        var span = StoppedSpan(id);
        Assert.Equal(("revoke", "revoke primary", "primary"), (span.OperationName, span.DisplayName, span.GetTagItem(GatewayDiagnostics.ProviderTag)));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_StartsNoSpan()
    {
        using var gateway = TestGateway.Create();
        var id = Samples.NewId("span");

        await gateway.Pipeline.SendAsync(Samples.Text(id) with { To = [] }, default);

        Assert.DoesNotContain(_stopped, a => Equals(a.GetTagItem(GatewayDiagnostics.MessageIdTag), id));
    }

    public void Dispose() => _listener.Dispose();

    private Activity StoppedSpan(string messageId) =>
        Assert.Single(_stopped, a => Equals(a.GetTagItem(GatewayDiagnostics.MessageIdTag), messageId));
}
