namespace Gateway.Core.Tests.Fakes;

/// <summary>An enum setting of <see cref="FakeProviderOptions"/>, so binder conversion errors can be provoked.</summary>
public enum FakeMode
{
    /// <summary>The default.</summary>
    Fast,

    /// <summary>The other one.</summary>
    Safe,
}
