using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// Micro benchmarks: dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'
// End-to-end load test: dotnet run -c Release --project bench/Gateway.Benchmarks -- load --messages 2000
if (args.Length > 0 && args[0] == "load")
{
    return await LoadTest.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(MappingBenchmarks).Assembly).Run(args);
return 0;
