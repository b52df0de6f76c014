using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Core.Contracts;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Demo;

/// <summary>
/// The whole pipeline offline: both emulators on loopback, the real host on an in-memory bus, the demo commands
/// sent through <c>send-message</c> (and one revoke), outcomes collected from the bus. Prints what happened and what
/// each emulated server received; succeeds only if every outcome is the expected one.
/// </summary>
internal sealed class DemoRunner(TextWriter output)
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var openIm = new OpenImEmulator();
        await using var tencent = new TencentImEmulator();
        await openIm.StartAsync(cancellationToken);
        await tencent.StartAsync(cancellationToken);
        output.WriteLine($"OpenIM emulator (v3.8.1+) on {openIm.BaseAddress}; Tencent Cloud IM emulator on {tencent.BaseAddress}");

        var inbox = new OutcomeInbox();
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            IncludeAppSettings = false,
            LogsToStandardError = true,
            Overrides = new Dictionary<string, string?>(EmulatorConfiguration.For(openIm, tencent, DemoScenario.OpenIm))
            {
                ["Messaging:Transport"] = "InMemory",
                ["Messaging:Retry:MinInterval"] = "00:00:00.100",
            },
        });
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true, bus => bus.AddConsumer<OutcomeCollector>().Endpoint(e => e.Name = "demo-outcomes"));
        builder.Services.AddSingleton(inbox);
        using var host = builder.Build();
        GatewayHost.Validate(host);
        await host.StartAsync(cancellationToken);

        var steps = DemoScenario.Sends().ToList();
        var bus = host.Services.GetRequiredService<IBus>();
        var started = Stopwatch.GetTimestamp();
        var sendQueue = await bus.GetSendEndpoint(new Uri($"queue:{SendMessageHandler.Queue}"));
        foreach (var step in steps)
        {
            await sendQueue.Send((SendMessage)step.Command, cancellationToken);
        }

        var outcomes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            outcomes[step.MessageId] = await WaitForOutcomeAsync(inbox, step);
        }

        if (outcomes["demo-swap-tencent"] is MessageSent { Deliveries: [{ ProviderMessageKey: { } key }, ..] })
        {
            var revoke = DemoScenario.Revoke(key);
            steps.Add(revoke);
            var revokeQueue = await bus.GetSendEndpoint(new Uri($"queue:{RevokeMessageHandler.Queue}"));
            await revokeQueue.Send((RevokeMessage)revoke.Command, cancellationToken);
            outcomes[revoke.MessageId] = await WaitForOutcomeAsync(inbox, revoke);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await host.StopAsync(CancellationToken.None);

        var unexpected = WriteOutcomes(steps, outcomes);
        WriteReceived("OpenIM emulator received", openIm);
        WriteReceived("Tencent Cloud IM emulator received", tencent);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps.Count} commands through the bus in {elapsed.TotalSeconds:0.00} s ({steps.Count / elapsed.TotalSeconds:0.0} commands/s, first-call token and UserSig set-up included)."));
        output.WriteLine(unexpected == 0 ? "Every outcome is the expected one." : $"{unexpected} outcome(s) were NOT the expected one.");
        return unexpected == 0 ? 0 : 1;
    }

    private static async Task<object> WaitForOutcomeAsync(OutcomeInbox inbox, DemoStep step)
    {
        try
        {
            // Any outcome event about this id: sent, revoked or failed.
            return await inbox.WaitForAsync<object>(step.MessageId, OutcomeTimeout);
        }
        catch (TimeoutException)
        {
            return $"no outcome within {OutcomeTimeout.TotalSeconds} s";
        }
    }

    private int WriteOutcomes(IReadOnlyList<DemoStep> steps, Dictionary<string, object> outcomes)
    {
        output.WriteLine();
        output.WriteLine($"{"MESSAGE ID",-20} {"PROVIDER",-9} {"STATUS",-12} {"EXPECTED",-9} PROVIDER KEY / ERROR");
        var unexpected = 0;
        foreach (var step in steps)
        {
            var outcome = outcomes.GetValueOrDefault(step.MessageId);
            var (provider, status, detail, ok) = outcome switch
            {
                MessageSent sent => (sent.Provider, "sent", Keys(sent), step.ExpectedError is null && sent.Provider == step.ExpectedProvider),
                MessageRevoked revoked => (revoked.Provider, "revoked", revoked.ProviderMessageKey, step.ExpectedError is null && revoked.Provider == step.ExpectedProvider),
                MessageSendFailed failed => (failed.Provider ?? "(none)", "failed", $"{failed.Error.Code}: {failed.Error.Message}", failed.Error.Code == step.ExpectedError && (failed.Provider ?? "(none)") == step.ExpectedProvider),
                MessageRevokeFailed failed => (failed.Provider ?? "(none)", "failed", $"{failed.Error.Code}: {failed.Error.Message}", failed.Error.Code == step.ExpectedError),
                _ => ("?", "missing", outcome?.ToString() ?? "no outcome", false),
            };
            unexpected += ok ? 0 : 1;
            output.WriteLine($"{step.MessageId,-20} {provider,-9} {status,-12} {(ok ? "yes" : "NO"),-9} {detail}");
            output.WriteLine($"{string.Empty,-20} {step.Description}");
        }

        return unexpected;
    }

    private static string Keys(MessageSent sent)
    {
        var keys = string.Join(", ", sent.Deliveries.Select(d => $"{d.Recipient}={d.ProviderMessageKey}"));
        var failed = sent.FailedRecipients.Count == 0 ? string.Empty : $"; failed: {string.Join(", ", sent.FailedRecipients.Select(f => f.Recipient))}";
        var ignored = sent.IgnoredOptions.Count == 0 ? string.Empty : $"; ignored: {string.Join(", ", sent.IgnoredOptions)}";
        return keys + failed + ignored;
    }

    private void WriteReceived(string title, SandboxServer emulator)
    {
        output.WriteLine();
        output.WriteLine($"{title} ({emulator.Requests.Count} requests):");
        foreach (var request in emulator.Requests.All)
        {
            // Paths only (the Tencent query carries the UserSig); auth bodies carry the secret, so they are not shown.
            var body = request.Path.Contains("/auth/", StringComparison.Ordinal)
                ? "(credentials request; body not shown)"
                : request.BodyJson()?.ToJsonString() ?? request.Body;
            output.WriteLine($"  {request.Method} {request.Path} -> {request.ResponseStatus} {Answer(request)}");
            output.WriteLine($"      {body}");
        }
    }

    private static string Answer(RecordedRequest request)
    {
        try
        {
            var json = JsonNode.Parse(request.ResponseBody ?? string.Empty);
            return json?["errCode"] is { } errCode ? $"errCode {errCode}" : json?["ErrorCode"] is { } errorCode ? $"ErrorCode {errorCode}" : string.Empty;
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }
}
