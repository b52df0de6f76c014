namespace Gateway.Host.Cli;

/// <summary>A command file could not be read.</summary>
internal sealed class CommandFileException(string message) : Exception(message);
