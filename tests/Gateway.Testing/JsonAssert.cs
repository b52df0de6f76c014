using System.Text.Json.Nodes;
using Xunit;

namespace Gateway.Testing;

/// <summary>Structural JSON comparison: property order and whitespace do not matter; names, types and values do.</summary>
public static class JsonAssert
{
    /// <summary>Asserts that <paramref name="actual"/> is the JSON of <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected JSON text.</param>
    /// <param name="actual">The actual JSON.</param>
    /// <param name="because">Names the case, for the failure message.</param>
    public static void Equal(string expected, JsonNode? actual, string? because = null)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"JSON differs{(because is null ? string.Empty : $" ({because})")}.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    /// <summary>Asserts that <paramref name="actual"/> is the JSON of <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected JSON text.</param>
    /// <param name="actual">The actual JSON text.</param>
    /// <param name="because">Names the case, for the failure message.</param>
    public static void Equal(string expected, string actual, string? because = null) => Equal(expected, JsonNode.Parse(actual), because);

    /// <summary>Asserts that <paramref name="actual"/> is the JSON of <paramref name="expected"/>.</summary>
    /// <param name="expected">The expected JSON text.</param>
    /// <param name="actual">The actual JSON bytes (UTF-8).</param>
    /// <param name="because">Names the case, for the failure message.</param>
    public static void Equal(string expected, ReadOnlySpan<byte> actual, string? because = null) => Equal(expected, JsonNode.Parse(actual), because);
}
