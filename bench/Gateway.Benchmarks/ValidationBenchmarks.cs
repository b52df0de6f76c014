using BenchmarkDotNet.Attributes;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.Options;

namespace Gateway.Benchmarks;

/// <summary>The validation every command goes through, up to the validated model providers take.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly CommandValidator _validator = new(new SendMessageValidator(Options.Create(new GatewayOptions())), new RevokeMessageValidator());
    private readonly SendMessage _text = Samples.Text();
    private readonly SendMessage _image = Samples.Text() with { Content = Samples.Image() };
    private readonly SendMessage _invalid = Samples.Text() with { To = ["a", "a"], Content = MessageContent.FromText(string.Empty) };

    [Benchmark]
    public bool Text() => _validator.TryValidate(_text, out _, out _);

    [Benchmark]
    public bool Image() => _validator.TryValidate(_image, out _, out _);

    [Benchmark]
    public bool Invalid() => _validator.TryValidate(_invalid, out _, out _);
}
