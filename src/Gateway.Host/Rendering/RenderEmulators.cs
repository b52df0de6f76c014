using Gateway.OpenIm;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;
using Gateway.TencentIm;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Rendering;

/// <summary>
/// The in-process provider emulators <c>render</c> answers from: one per provider instance, set up to accept that
/// instance's own credentials, so the adapters run their real code against servers that validate like the real ones
/// (an unsupported field or a wrong secret shows up in <c>render</c> as it would in production). Nothing leaves the
/// machine.
/// </summary>
internal sealed class RenderEmulators(IOptionsMonitor<OpenImOptions> openIm, IOptionsMonitor<TencentImOptions> tencent) : IAsyncDisposable
{
    private readonly Dictionary<string, (SandboxServer Server, string BasePath)> _byInstance = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts the emulator of one instance.</summary>
    /// <param name="instance">The instance name.</param>
    /// <param name="providerType">The instance's provider type.</param>
    /// <param name="cancellationToken">The token to cancel the start.</param>
    /// <returns>A task that completes when the emulator listens.</returns>
    public async Task StartAsync(string instance, string providerType, CancellationToken cancellationToken)
    {
        SandboxServer server;
        string basePath;
        if (string.Equals(providerType, OpenImOptions.ProviderType, StringComparison.OrdinalIgnoreCase))
        {
            var options = openIm.Get(instance);
            server = new OpenImEmulator(new OpenImEmulatorOptions
            {
                Generation = options.ApiVersion switch
                {
                    OpenImApiVersion.V2 => OpenImServerGeneration.V2,
                    OpenImApiVersion.V3UserToken => OpenImServerGeneration.V3UserToken,
                    _ => OpenImServerGeneration.V3,
                },
                Secret = options.Secret,
                AdminUserIds = [options.AdminUserId],
            });
            basePath = options.BaseUrl!.AbsolutePath;
        }
        else
        {
            var options = tencent.Get(instance);
            var emulator = new TencentImEmulatorOptions { SdkAppId = options.SdkAppId, SecretKey = options.SecretKey!, RequestsPerSecond = 0 };
            emulator.AdminIdentifiers.Clear();
            emulator.AdminIdentifiers.Add(options.AdminIdentifier);
            server = new TencentImEmulator(emulator);
            basePath = options.BaseUrl?.AbsolutePath ?? "/";
        }

        await server.StartAsync(cancellationToken);
        _byInstance[instance] = (server, basePath.EndsWith('/') ? basePath : basePath + "/");
    }

    /// <summary>Gets where a request the adapter addressed to <paramref name="url"/> goes instead.</summary>
    /// <param name="instance">The instance the request is for.</param>
    /// <param name="url">The request's real URL.</param>
    /// <returns>The emulator's URL for it (same route and query).</returns>
    public Uri Redirect(string instance, Uri url)
    {
        var (server, basePath) = _byInstance[instance];
        var path = url.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal) ? url.AbsolutePath[basePath.Length..] : url.AbsolutePath.TrimStart('/');
        return new Uri(server.BaseAddress, path + url.Query);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (server, _) in _byInstance.Values)
        {
            await server.DisposeAsync();
        }
    }
}
