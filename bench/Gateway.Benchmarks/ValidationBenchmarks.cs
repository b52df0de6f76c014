using BenchmarkDotNet.Attributes;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Validation;
using Microsoft.Extensions.Options;

namespace Gateway.Benchmarks;

/// <summary>The model validation every command goes through.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly SendMessageValidator _validator = new(Options.Create(new GatewayOptions()));
    private readonly SendMessage _text = Messages.Text();
    private readonly SendMessage _image = Messages.Image();
    private readonly SendMessage _invalid = Messages.Text() with { To = ["a", "a"], Content = MessageContent.FromText(string.Empty) };

    [Benchmark]
    public bool Text() => _validator.Validate(_text).IsValid;

    [Benchmark]
    public bool Image() => _validator.Validate(_image).IsValid;

    [Benchmark]
    public bool Invalid() => _validator.Validate(_invalid).IsValid;
}
