using System.Runtime.CompilerServices;

namespace Gateway.Redis.Tests;

/// <summary>
/// Timing tests aim at positions in windows of a few hundred ms; on a 2-core CI machine the thread pool starts with
/// 2 threads and grows slowly, so a few blocking waits elsewhere in the run could delay a call by most of a second.
/// </summary>
internal static class TestAssemblySetup
{
#pragma warning disable CA2255 // A test assembly, not a library: the setting is meant for this test process only.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RaiseThreadPoolMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
    }
}
