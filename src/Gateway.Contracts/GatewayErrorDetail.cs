namespace Gateway.Core.Contracts;

/// <summary>One failed validation rule.</summary>
public sealed record GatewayErrorDetail
{
    /// <summary>Gets the field path in the command, for example <c>content.image.original.url</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Gets the rule's code, for example <c>Gateway.Required</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets the explanation.</summary>
    public required string Message { get; init; }
}
