using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// In-process micro benchmarks: dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'
// The end-to-end benchmark over RabbitMQ (the worker as a process, beside two peer consumers) is bench/e2e.sh.
BenchmarkSwitcher.FromAssembly(typeof(MappingBenchmarks).Assembly).Run(args);
