using Gateway.Host.Tests.Support;

namespace Gateway.Host.Tests.Cli;

/// <summary>The command line itself: every verb explains itself.</summary>
public sealed class GatewayCommandLineTests
{
    [Theory]
    [InlineData("run", "Run the worker")]
    [InlineData("demo", "Run the whole pipeline offline")]
    [InlineData("send", "--direct")]
    [InlineData("render", "--show-secrets")]
    public async Task Help_EachVerb_ExplainsItself(string verb, string expected)
    {
        var (exit, stdout, _) = await HostProcess.RunAsync([verb, "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }
}
