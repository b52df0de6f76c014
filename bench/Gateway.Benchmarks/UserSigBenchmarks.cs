using BenchmarkDotNet.Attributes;
using Gateway.TencentIm.Auth;

namespace Gateway.Benchmarks;

/// <summary>UserSig v2 generation (HMAC-SHA256, JSON, zlib, base64): paid once per lifetime, thanks to the cache.</summary>
[MemoryDiagnoser]
public class UserSigBenchmarks
{
    private const string SecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    [Benchmark]
    public string Generate() => UserSigGenerator.Generate(1_400_000_000, "administrator", SecretKey, 1_767_225_600, 86_400);
}
