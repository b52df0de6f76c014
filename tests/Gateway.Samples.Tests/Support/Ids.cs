namespace Gateway.Samples.Tests.Support;

/// <summary>Unique message ids with a readable prefix (the worker remembers ids: a repeat would be a duplicate).</summary>
internal static class Ids
{
    public static string New(string prefix) => Gateway.Testing.Samples.NewId(prefix);
}
