using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Serialization;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Cli;

/// <summary>Writes results as indented JSON on stdout and problems on stderr.</summary>
internal static class ConsoleOutput
{
    // The contracts' options, plus reflection for the verbs' own envelopes (anonymous types, JsonNode).
    public static readonly JsonSerializerOptions Indented = new(GatewayJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(GatewayJson.Options.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Indented));

    public static int ConfigurationError(OptionsValidationException exception)
    {
        Console.Error.WriteLine("Configuration error:");
        foreach (var failure in exception.Failures)
        {
            Console.Error.WriteLine($"  - {failure}");
        }

        return GatewayCommandLine.BadConfiguration;
    }

    public static int ConfigurationError(string message)
    {
        Console.Error.WriteLine($"Configuration error: {message}");
        return GatewayCommandLine.BadConfiguration;
    }
}
