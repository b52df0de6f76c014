using System.Text.Json.Nodes;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>Structural JSON comparison: property order and whitespace do not matter, names, types and values do.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"JSON differs.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    public static void Equal(string expected, string actual) => Equal(expected, JsonNode.Parse(actual));
}
