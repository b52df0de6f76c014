using System.Text;
using FluentValidation.Results;
using Gateway.Core.Contracts;

namespace Gateway.Core.Validation;

/// <summary>Turns validation failures into the gateway's error, with camelCase field paths (<c>content.image.original.url</c>, <c>to[2]</c>).</summary>
internal static class ValidationFailures
{
    public static GatewayError ToError(IEnumerable<ValidationFailure> failures)
    {
        var details = failures
            .Select(f => new GatewayErrorDetail { Field = ToFieldPath(f.PropertyName), Rule = f.ErrorCode, Message = f.ErrorMessage })
            .ToArray();
        return InvalidMessage(details);
    }

    /// <summary>The most details <c>error.message</c> spells out; <c>error.details</c> keeps them all.</summary>
    public const int MaxDetailsInMessage = 10;

    public static GatewayError InvalidMessage(IReadOnlyList<GatewayErrorDetail> details) => new()
    {
        Code = GatewayErrorCode.InvalidMessage,
        Message = Summary(details),
        Transient = false,
        Details = details,
    };

    /// <summary>
    /// The first <see cref="MaxDetailsInMessage"/> details in words, then how many more: 10,000 recipients over a
    /// provider's id limit would otherwise make a message of 700 KB, logged and published with every such command.
    /// </summary>
    private static string Summary(IReadOnlyList<GatewayErrorDetail> details)
    {
        var listed = string.Join("; ", details.Take(MaxDetailsInMessage).Select(d => $"{d.Field}: {d.Message}"));
        return details.Count > MaxDetailsInMessage ? $"{listed}; and {details.Count - MaxDetailsInMessage} more (see details)" : listed;
    }

    public static string ToFieldPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "message";
        }

        var path = new StringBuilder(propertyName.Length);
        var segmentStart = true;
        foreach (var c in propertyName)
        {
            path.Append(segmentStart ? char.ToLowerInvariant(c) : c);
            segmentStart = c == '.';
        }

        return path.ToString();
    }
}
