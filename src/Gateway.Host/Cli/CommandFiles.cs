using System.Text.Json;
using Gateway.Core.Serialization;

namespace Gateway.Host.Cli;

/// <summary>Reads a command from a JSON file, with errors that say which file and where.</summary>
internal static class CommandFiles
{
    public static T Read<T>(FileInfo file)
        where T : class
    {
        if (!file.Exists)
        {
            throw new CommandFileException($"--file: '{file.FullName}' does not exist");
        }

        try
        {
            using var stream = file.OpenRead();
            return JsonSerializer.Deserialize<T>(stream, GatewayJson.Options)
                ?? throw new CommandFileException($"--file: '{file.Name}' holds JSON null, not a {typeof(T).Name}");
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
            throw new CommandFileException($"--file: '{file.Name}' is not a valid {typeof(T).Name} JSON document{where}: {exception.Message}");
        }
    }
}
