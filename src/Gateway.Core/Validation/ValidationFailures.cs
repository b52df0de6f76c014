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

    public static GatewayError InvalidMessage(IReadOnlyList<GatewayErrorDetail> details) => new()
    {
        Code = GatewayErrorCode.InvalidMessage,
        Message = string.Join("; ", details.Select(d => $"{d.Field}: {d.Message}")),
        Transient = false,
        Details = details,
    };

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
