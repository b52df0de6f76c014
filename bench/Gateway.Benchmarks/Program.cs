using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/Gateway.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
