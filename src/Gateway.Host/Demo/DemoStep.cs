using Gateway.Core.Contracts;

namespace Gateway.Host.Demo;

/// <summary>One command of the demo and the outcome it must have.</summary>
/// <param name="Description">What the step shows.</param>
/// <param name="Command">The command (a <see cref="SendMessage"/> or <see cref="RevokeMessage"/>).</param>
/// <param name="ExpectedProvider">The instance that must handle it.</param>
/// <param name="ExpectedError">The error code a failure must have; <see langword="null"/> when it must succeed.</param>
internal sealed record DemoStep(string Description, object Command, string ExpectedProvider, GatewayErrorCode? ExpectedError = null)
{
    public string MessageId => Command switch
    {
        SendMessage send => send.MessageId,
        RevokeMessage revoke => revoke.MessageId,
        _ => throw new InvalidOperationException("a demo step is a SendMessage or a RevokeMessage"),
    };
}
