using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.TencentIm;
using Gateway.Testing;
using Gateway.TencentIm.Tests.Support;

namespace Gateway.TencentIm.Tests;

/// <summary>Secrets never leave the adapter: not in logs (ours, Polly's or the provider request logger's), not in exceptions or outcomes.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task Logs_AfterRefreshRetriesAndFailures_ContainNoSecretNoUserSigAndNoQuery()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var errors = new List<string>();

        await host.Gateway.SendAsync(Samples.Text("ok"));
        host.Emulator.FailNext(70001, TencentImEmulator.SendMsgPath);
        host.Emulator.FailNext(70500, TencentImEmulator.SendMsgPath);
        host.Emulator.Faults.Enqueue(Fault.DropConnection(), TencentImEmulator.SendMsgPath);
        await host.Gateway.SendAsync(Samples.Text("refresh"));

        // The provider's own words quote a UserSig: the adapter must not pass it on.
        var echoed = host.Emulator.Requests.All[^1].Query["usersig"];
        host.Emulator.FailNext(70009, times: 4, errorInfo: $"sig {echoed} rejected, key {TencentImEmulatorOptions.SampleSecretKey}");
        var failed = await host.Gateway.SendAsync(Samples.Text("fail"));
        errors.Add(failed.Failed!.Error.Message);
        var exception = await Assert.ThrowsAsync<ProviderException>(() =>
            host.Provider.SendAsync(Samples.Outbound(MessageContent.FromText("x")) with { MessageId = "fail2" }));
        errors.Add(exception.ToString());

        var userSigs = host.Emulator.Requests.All.Select(r => r.Query["usersig"]).Distinct().ToList();
        Assert.NotEmpty(userSigs);
        var records = host.Logs.GetSnapshot();
        var logs = string.Join('\n', records.Select(r => r.Message + r.Exception + string.Join(";", (r.StructuredState ?? []).Select(p => p.Value))));
        var text = logs + "\n" + string.Join('\n', errors);
        Assert.DoesNotContain(TencentImEmulatorOptions.SampleSecretKey, text, StringComparison.Ordinal);
        Assert.All(userSigs, sig => Assert.DoesNotContain(sig, text, StringComparison.Ordinal));
        Assert.DoesNotContain("usersig=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sdkappid=", text, StringComparison.OrdinalIgnoreCase);

        // Core's provider request logger replaces HttpClient's own: every attempt by path, without the query; Polly logged the retries.
        var attempts = records.Where(r => r.Category == "Gateway.Core.Http.ProviderHttpLogger" && r.Id.Name is "ProviderHttpResponseReceived" or "ProviderHttpRequestFailed").ToList();
        Assert.Equal(host.Emulator.Requests.Count, attempts.Count);
        Assert.All(attempts, r => Assert.StartsWith("/v4/", r.GetStructuredStateValue("Path"), StringComparison.Ordinal));
        Assert.Contains(attempts, r => r.GetStructuredStateValue("Path") == TencentImEmulator.SendMsgPath);
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("?", string.Join('\n', attempts.Select(r => r.Message)), StringComparison.Ordinal);
        Assert.Contains(records, r => r.Category == "Polly");
        Assert.Contains("***", errors[0], StringComparison.Ordinal);
    }
}
