using System.Globalization;
using System.Text;

namespace Gateway.EndToEnd.Wire;

/// <summary>
/// The bytes the load generator publishes: a text command, its id repeated as extension (OpenIM's <c>ex</c>, Tencent's
/// <c>CloudCustomData</c>), to <c>user-1</c> (the OpenIM scenarios), to some users, or to a group (the Tencent ones).
/// </summary>
internal static class CommandBodies
{
    /// <summary>Builds the body of one command to <c>user-1</c>.</summary>
    /// <param name="messageId">The unique message id (JSON-safe: letters, digits and dashes).</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] Create(string messageId) => Encoding.UTF8.GetBytes(
        $$$"""{"messageId":"{{{messageId}}}","to":["user-1"],"content":{"type":"text","text":{"text":"hello"}},"options":{"extension":"{{{messageId}}}"}}""");

    /// <summary>Builds the body of one command to <paramref name="recipients"/> users <c>user-{first}</c>, <c>user-{first + 1}</c>, ….</summary>
    /// <param name="messageId">The unique message id (JSON-safe: letters, digits and dashes).</param>
    /// <param name="first">The number of the first user.</param>
    /// <param name="recipients">How many users (1 makes a Tencent sendmsg, more a batchsendmsg).</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] ToUsers(string messageId, int first, int recipients)
    {
        var to = new StringBuilder(recipients * 12);
        for (var i = 0; i < recipients; i++)
        {
            to.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ",")}\"user-{first + i}\"");
        }

        return Encoding.UTF8.GetBytes(
            $$$"""{"messageId":"{{{messageId}}}","to":[{{{to}}}],"content":{"type":"text","text":{"text":"hello"}},"options":{"extension":"{{{messageId}}}"}}""");
    }

    /// <summary>Builds the body of one command to a group.</summary>
    /// <param name="messageId">The unique message id (JSON-safe: letters, digits and dashes).</param>
    /// <param name="groupId">The group (JSON-safe).</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static byte[] ToGroup(string messageId, string groupId) => Encoding.UTF8.GetBytes(
        $$$"""{"messageId":"{{{messageId}}}","groupId":"{{{groupId}}}","content":{"type":"text","text":{"text":"hello"}},"options":{"extension":"{{{messageId}}}"}}""");
}
