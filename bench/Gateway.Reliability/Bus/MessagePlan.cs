using System.Globalization;
using System.Text;

namespace Gateway.Reliability.Bus;

/// <summary>The commands of one scenario: unique ids, plain camelCase JSON, the messageId echoed in <c>options.extension</c>.</summary>
internal static class MessagePlan
{
    /// <param name="prefix">Unique per scenario run.</param>
    /// <param name="count">How many commands.</param>
    /// <param name="rejectedFraction">Share of invalid plus malformed commands (half each), spread evenly; 0 for none.</param>
    public static IReadOnlyList<PlannedMessage> Create(string prefix, int count, double rejectedFraction)
    {
        var every = rejectedFraction > 0 ? Math.Max(2, (int)Math.Round(2 / rejectedFraction)) : 0;
        var plan = new List<PlannedMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D6}");
            var kind = every == 0 ? CommandKind.Valid
                : i % every == every / 4 ? CommandKind.Invalid
                : i % every == (3 * every) / 4 ? CommandKind.Malformed
                : CommandKind.Valid;
            var text = kind == CommandKind.Invalid ? string.Empty : "hi";
            var json = $$$"""{"messageId":"{{{id}}}","to":["user-1"],"content":{"type":"text","text":{"text":"{{{text}}}"}},"options":{"extension":"{{{id}}}"}}""";
            if (kind == CommandKind.Malformed)
            {
                json = json[..(json.IndexOf("\"content\"", StringComparison.Ordinal) + 11)];
            }

            plan.Add(new PlannedMessage(id, kind, Encoding.UTF8.GetBytes(json)));
        }

        return plan;
    }
}
