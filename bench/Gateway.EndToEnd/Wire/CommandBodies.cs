using System.Text;

namespace Gateway.EndToEnd.Wire;

/// <summary>The bytes the load generator publishes: one text command to <c>user-1</c>, its id repeated as extension.</summary>
internal static class CommandBodies
{
    /// <summary>Builds the body of one command.</summary>
    /// <param name="messageId">The unique message id (JSON-safe: letters, digits and dashes).</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Create(string messageId) => Encoding.UTF8.GetBytes(
        $$$"""{"messageId":"{{{messageId}}}","to":["user-1"],"content":{"type":"text","text":{"text":"hello"}},"options":{"extension":"{{{messageId}}}"}}""");
}
