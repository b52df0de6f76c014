namespace Gateway.Core.Validation;

/// <summary>The rule codes reported in <c>error.details[].rule</c>.</summary>
public static class ValidationRules
{
    /// <summary>A required field is missing or empty.</summary>
    public const string Required = "Gateway.Required";

    /// <summary>A string is too long or too short.</summary>
    public const string Length = "Gateway.Length";

    /// <summary>A number is out of range.</summary>
    public const string Range = "Gateway.Range";

    /// <summary>A list has too few or too many entries.</summary>
    public const string Count = "Gateway.Count";

    /// <summary>A list repeats an entry.</summary>
    public const string Distinct = "Gateway.Distinct";

    /// <summary>A value is not one of the allowed names.</summary>
    public const string Enum = "Gateway.Enum";

    /// <summary>Not exactly one of <c>to</c> and <c>groupId</c> is set.</summary>
    public const string OneRecipientKind = "Gateway.OneRecipientKind";

    /// <summary>The content object does not match <c>content.type</c>.</summary>
    public const string ContentMatchesType = "Gateway.ContentMatchesType";

    /// <summary>The content or option only applies to groups.</summary>
    public const string GroupsOnly = "Gateway.GroupsOnly";

    /// <summary>The content only applies to users.</summary>
    public const string UsersOnly = "Gateway.UsersOnly";

    /// <summary>The provider instance named does not exist.</summary>
    public const string UnknownProvider = "Gateway.UnknownProvider";

    /// <summary>The chosen provider cannot send this content, recipient kind or option.</summary>
    public const string Unsupported = "Gateway.Unsupported";

    /// <summary>An id is longer than the chosen provider accepts.</summary>
    public const string ProviderLimit = "Gateway.ProviderLimit";

    /// <summary>An id contains a control character (a line break, a tab, ...).</summary>
    public const string Printable = "Gateway.Printable";
}
