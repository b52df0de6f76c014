using System.Net;
using System.Net.Sockets;

namespace Gateway.Samples.Tests.Support;

/// <summary>
/// Forwards a fixed loopback port (the one a sample configuration names, such as OpenIM's 10002) to an emulator on a
/// free port, so that the configuration is used as shipped. Bounded: it stops with its handle.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private TcpRelay(List<TcpListener> listeners, int targetPort)
    {
        _listeners = listeners;
        _targetPort = targetPort;
        foreach (var listener in listeners)
        {
            _loops.Add(AcceptAsync(listener));
        }
    }

    /// <summary>Listens on 127.0.0.1 (and ::1 when it can) at <paramref name="port"/>; <see langword="null"/> when 127.0.0.1's port is taken.</summary>
    public static TcpRelay? TryStart(int port, int targetPort)
    {
        var listeners = new List<TcpListener>();
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            var listener = new TcpListener(address, port);
            try
            {
                listener.Start();
                listeners.Add(listener);
            }
            catch (SocketException)
            {
                listener.Dispose();
                if (address.Equals(IPAddress.Loopback))
                {
                    return null;
                }
            }
        }

        return new TcpRelay(listeners, targetPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
            listener.Dispose();
        }

        await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(RelayAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = client.GetStream().CopyToAsync(target.GetStream(), both.Token);
                var down = target.GetStream().CopyToAsync(client.GetStream(), both.Token);
                await Task.WhenAny(up, down);
                await both.CancelAsync();
                await Task.WhenAll(up, down).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
                // A connection ends either way; the HTTP client reports what matters.
            }
        }
    }
}
