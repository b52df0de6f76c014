using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests.Internal;

/// <summary>
/// The instance pipeline is built on first use, and the worker's first commands arrive together (concurrency 16 by
/// default): the registry may then build it more than once. Every one of those first sends must go through.
/// </summary>
public sealed class OpenImPipelineFirstUseTests
{
    [Fact]
    public async Task SendAsync_ManyFirstSendsAtOnce_AllSucceedOverTheEmulator()
    {
        const int Sends = 32;
        for (var round = 0; round < 5; round++)
        {
            await using var host = await OpenImTestHost.StartAsync();
            using var start = new Barrier(Sends);

            var sends = Enumerable.Range(0, Sends)
                .Select(i => Task.Factory.StartNew(
                    () =>
                    {
                        start.SignalAndWait(TimeSpan.FromSeconds(30));
                        return host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), $"u{i}"));
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default).Unwrap())
                .ToList();
            await Task.WhenAll(sends);

            Assert.All(sends, send => Assert.True(send.IsCompletedSuccessfully));
            Assert.Equal(Sends, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        }
    }
}
