using System.Globalization;
using System.Text;

namespace Gateway.Reliability.Reporting;

/// <summary>The result table (markdown), with the command line, date and machine.</summary>
internal static class MarkdownReport
{
    public static string Render(IReadOnlyList<ScenarioResult> results, RunInfo run)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("# Reliability under faults: results").AppendLine();
        text.Append(c, $"- command: `{run.CommandLine}`").AppendLine();
        text.Append(c, $"- date: {run.StartedAt:yyyy-MM-dd HH:mm} UTC, {run.Duration.TotalMinutes:0.0} min").AppendLine();
        text.Append(c, $"- machine: {run.Machine}").AppendLine();
        text.Append(c, $"- gateway: {run.Gateway}").AppendLine();
        text.Append(c, $"- commands per scenario: {run.Messages}, published over {run.PublishDuration.TotalSeconds:0} s; faults start at 40 % of that").AppendLine();
        text.AppendLine();
        text.AppendLine("| scenario | provider | workers | published | delivered | lost | duplicated | in error queue | rejected | wall time | last delivery after provider return | duplicates allowed | result |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var after = r.LastDeliveryAfterReturn is { } seconds ? seconds.ToString("0.0", c) + " s" : "–";
            text.Append(c, $"| {r.Id} | {r.Provider} | {r.Workers} | {r.Published} | {r.Delivered} | {r.Lost} | {r.Duplicated} | {r.InErrorQueue} | {r.Rejected} | {r.WallTime.TotalSeconds:0.0} s | {after} | {r.DuplicateLimit} | {(r.Passed ? "pass" : "**FAIL**")} |");
            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Columns: *delivered* = valid commands the provider accepted at least once; *lost* = neither delivered nor in");
        text.AppendLine("`send-message_error` (invalid commands: nor answered with `MessageSendFailed`); *duplicated* = provider deliveries");
        text.AppendLine("beyond the first per messageId; *rejected* = invalid commands answered with `MessageSendFailed` plus malformed ones");
        text.AppendLine("in the error queue; *wall time* = first publish until every command was accounted for.");
        text.AppendLine();
        foreach (var r in results)
        {
            text.Append(c, $"## {r.Id}: {(r.Passed ? "pass" : "FAIL")}").AppendLine().AppendLine();
            text.AppendLine(r.Description + ".").AppendLine();
            foreach (var failure in r.Failures)
            {
                text.Append("- **missed:** ").AppendLine(failure);
            }

            foreach (var note in r.Notes)
            {
                text.Append("- ").AppendLine(note);
            }

            if (r.Details.Count > 0)
            {
                text.AppendLine();
                foreach (var line in r.Details)
                {
                    text.AppendLine(line);
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
