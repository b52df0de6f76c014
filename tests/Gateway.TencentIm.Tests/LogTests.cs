using Gateway.Core.Contracts;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.TencentIm;

namespace Gateway.TencentIm.Tests;

/// <summary>Secrets never leave the adapter: not in logs (ours or HttpClient's), not in exceptions or outcomes.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task Logs_AfterRefreshRetriesAndFailures_ContainNoSecretNoUserSigAndNoQuery()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var errors = new List<string>();

        await host.Gateway.SendAsync(new SendMessage { MessageId = "ok", To = ["alice"], Content = MessageContent.FromText("x") });
        host.Emulator.FailNext(70001, TencentImEmulator.SendMsgPath);
        host.Emulator.FailNext(70500, TencentImEmulator.SendMsgPath);
        host.Emulator.Faults.Enqueue(Fault.DropConnection(), TencentImEmulator.SendMsgPath);
        await host.Gateway.SendAsync(new SendMessage { MessageId = "refresh", To = ["alice"], Content = MessageContent.FromText("x") });
        // The provider's own words quote a UserSig: the adapter must not pass it on.
        var echoed = host.Emulator.Requests.All[^1].Query["usersig"];
        host.Emulator.FailNext(70009, times: 4, errorInfo: $"sig {echoed} rejected, key {TencentImEmulatorOptions.SampleSecretKey}");
        var failed = await host.Gateway.SendAsync(new SendMessage { MessageId = "fail", To = ["alice"], Content = MessageContent.FromText("x") });
        errors.Add(failed.Failed!.Error.Message);
        var exception = await Assert.ThrowsAsync<Gateway.Core.Providers.ProviderException>(() =>
            host.Provider.SendAsync(new SendMessage { MessageId = "fail2", To = ["alice"], Content = MessageContent.FromText("x") }));
        errors.Add(exception.ToString());

        var userSigs = host.Emulator.Requests.All.Select(r => r.Query["usersig"]).Distinct().ToList();
        Assert.NotEmpty(userSigs);
        var text = host.Logs.AllText + "\n" + string.Join('\n', errors);
        Assert.DoesNotContain(TencentImEmulatorOptions.SampleSecretKey, text, StringComparison.Ordinal);
        Assert.All(userSigs, sig => Assert.DoesNotContain(sig, text, StringComparison.Ordinal));
        Assert.DoesNotContain("usersig=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sdkappid=", text, StringComparison.OrdinalIgnoreCase);
        // HttpClient's own logging is kept, with the query redacted.
        Assert.Contains("/v4/openim/sendmsg?*", host.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("***", errors[0], StringComparison.Ordinal);
    }
}
