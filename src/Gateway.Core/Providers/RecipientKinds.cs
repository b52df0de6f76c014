namespace Gateway.Core.Providers;

/// <summary>Who a message is addressed to.</summary>
[Flags]
public enum RecipientKinds
{
    /// <summary>Nobody.</summary>
    None = 0,

    /// <summary>One or more users (<c>to</c>).</summary>
    Users = 1,

    /// <summary>A group (<c>groupId</c>).</summary>
    Group = 2,
}
