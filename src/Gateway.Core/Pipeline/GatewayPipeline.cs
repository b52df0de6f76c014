using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.Core.Idempotency;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Core.Serialization;
using Gateway.Core.Validation;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Core.Pipeline;

/// <summary>
/// The engine of the gateway: validate → route → check against the provider → claim the id → call the provider →
/// record → outcome. Permanent outcomes are returned; a transient failure (see <see cref="TransientFailures"/>) is thrown
/// after the claim was released, so the caller's retry machinery (the bus) decides when to try again. Library callers go
/// through <see cref="MessageGateway"/>, which turns that exception into a failure outcome.
/// </summary>
internal sealed class GatewayPipeline(
    CommandValidator validator,
    ProviderRegistry registry,
    IIdempotencyStore store,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILogger<GatewayPipeline> logger)
{
    private const int MaxRecipientsInErrorMessage = 10;

    /// <summary>
    /// Sends a command; throws only transient failures (after releasing the claim) and caller cancellation. Cancellation
    /// stops the work up to the provider call; a call that started is not abandoned (the provider may already have the
    /// message, and abandoning it would release the claim and send it again): it ends with its answer or its timeouts,
    /// and the outcome is recorded.
    /// </summary>
    public async Task<SendOutcome> SendAsync(SendMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = timeProvider.GetTimestamp();
        var messageId = command.MessageId ?? string.Empty;
        if (!validator.TryValidate(command, out var message, out var invalid))
        {
            return SendFailed(messageId, null, invalid, attempts: 0);
        }

        if (!registry.TryFind(command.Provider, out var provider, out var strict))
        {
            return SendFailed(messageId, null, UnknownProvider(command.Provider!), attempts: 0);
        }

        using var scope = logger.BeginMessageScope(messageId, provider.Name);
        using var activity = GatewayDiagnostics.Start("send", messageId, provider.Name);
        var errors = new List<GatewayErrorDetail>();
        var ignored = ProviderCheck.Check(message, provider, strict, errors);
        if (errors.Count > 0)
        {
            return SendFailed(messageId, provider.Name, ValidationFailures.InvalidMessage(errors), attempts: 0);
        }

        if (ignored.Count > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            logger.IgnoredOptions(provider.Name, string.Join(", ", ignored), messageId);
        }

        var claim = await ClaimAsync("send:" + messageId, cancellationToken).ConfigureAwait(false);
        if (claim.Status == IdempotencyClaimStatus.Completed)
        {
            logger.DuplicateMessage(messageId);
            metrics.Duplicate(provider.Name);
            var stored = JsonSerializer.Deserialize(claim.StoredOutcome!, GatewayJsonContext.Default.MessageSent)!;
            return SendOutcome.Success(stored with { Duplicate = true });
        }

        await ThrowIfCancelledBeforeTheCallAsync(claim, cancellationToken).ConfigureAwait(false);
        ProviderSendResult result;
        try
        {
            result = await CallAsync(provider, message, static (p, m, ct) => p.SendAsync(m, ct), started, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ProviderException exception) when (!exception.IsTransient)
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            return SendFailed(messageId, provider.Name, exception.ToGatewayError(), attempts: 1);
        }
        catch
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            throw;
        }

        if (result.Deliveries.Count == 0)
        {
            // Nobody got it: nothing to record. When some recipient's failure was transient, the whole command is tried again.
            await ReleaseAsync(claim).ConfigureAwait(false);
            var error = AllRecipientsFailed(result.FailedRecipients);
            return error.Transient
                ? throw new ProviderException(provider.Name, error.Code, error.Message, isTransient: true, providerErrorCode: error.ProviderCode)
                : SendFailed(messageId, provider.Name, error, attempts: 1);
        }

        var sent = new MessageSent
        {
            MessageId = messageId,
            Provider = provider.Name,
            Deliveries = result.Deliveries,
            FailedRecipients = result.FailedRecipients,
            IgnoredOptions = ignored,
        };

        // Recorded before returning: once a provider accepted the message, a redelivery must not send it again.
        await CompleteAsync(claim, JsonSerializer.Serialize(sent, GatewayJsonContext.Default.MessageSent)).ConfigureAwait(false);
        logger.MessageSent(messageId, provider.Name, sent.Deliveries.Count, sent.FailedRecipients.Count);
        metrics.MessageSent(provider.Name);
        return SendOutcome.Success(sent);
    }

    /// <summary>Recalls a message; throws only transient failures (after releasing the claim) and caller cancellation.</summary>
    public async Task<RevokeOutcome> RevokeAsync(RevokeMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = timeProvider.GetTimestamp();
        var messageId = command.MessageId ?? string.Empty;
        if (!validator.TryValidate(command, out var request, out var invalid))
        {
            return RevokeFailed(messageId, null, invalid, attempts: 0);
        }

        if (!registry.TryFind(command.Provider, out var provider, out _))
        {
            return RevokeFailed(messageId, null, UnknownProvider(command.Provider!), attempts: 0);
        }

        using var scope = logger.BeginMessageScope(messageId, provider.Name);
        using var activity = GatewayDiagnostics.Start("revoke", messageId, provider.Name);
        var errors = new List<GatewayErrorDetail>();
        ProviderCheck.Check(request, provider, errors);
        if (errors.Count > 0)
        {
            return RevokeFailed(messageId, provider.Name, ValidationFailures.InvalidMessage(errors), attempts: 0);
        }

        var claim = await ClaimAsync("revoke:" + messageId, cancellationToken).ConfigureAwait(false);
        if (claim.Status == IdempotencyClaimStatus.Completed)
        {
            logger.DuplicateMessage(messageId);
            metrics.Duplicate(provider.Name);
            var stored = JsonSerializer.Deserialize(claim.StoredOutcome!, GatewayJsonContext.Default.MessageRevoked)!;
            return RevokeOutcome.Success(stored with { Duplicate = true });
        }

        await ThrowIfCancelledBeforeTheCallAsync(claim, cancellationToken).ConfigureAwait(false);
        try
        {
            await CallAsync(provider, request, static async (p, r, ct) => { await p.RevokeAsync(r, ct).ConfigureAwait(false); return true; }, started, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ProviderException exception) when (!exception.IsTransient)
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            return RevokeFailed(messageId, provider.Name, exception.ToGatewayError(), attempts: 1);
        }
        catch
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            throw;
        }

        var revoked = new MessageRevoked
        {
            MessageId = messageId,
            Provider = provider.Name,
            ProviderMessageKey = request.ProviderMessageKey,
            RevokedAt = timeProvider.GetUtcNow(),
        };
        await CompleteAsync(claim, JsonSerializer.Serialize(revoked, GatewayJsonContext.Default.MessageRevoked)).ConfigureAwait(false);
        logger.MessageRevoked(messageId, provider.Name);
        return RevokeOutcome.Success(revoked);
    }

    /// <summary>The failure event of a send whose transient failure is final (retries spent, or a library caller).</summary>
    public MessageSendFailed SendGaveUp(SendMessage command, Exception exception, int attempts)
    {
        ArgumentNullException.ThrowIfNull(command);
        var provider = ProviderOf(command.Provider, exception);
        return SendFailed(command.MessageId ?? string.Empty, provider, ToError(exception, provider), attempts).Failed!;
    }

    /// <summary>The failure event of a revoke whose transient failure is final.</summary>
    public MessageRevokeFailed RevokeGaveUp(RevokeMessage command, Exception exception, int attempts)
    {
        ArgumentNullException.ThrowIfNull(command);
        var provider = ProviderOf(command.Provider, exception);
        return RevokeFailed(command.MessageId ?? string.Empty, provider, ToError(exception, provider), attempts).Failed!;
    }

    private static GatewayError ToError(Exception exception, string? provider) => exception switch
    {
        ProviderException providerException => providerException.ToGatewayError(),
        MessageInProgressException => new GatewayError
        {
            Code = GatewayErrorCode.Unknown,
            Message = "another gateway worker kept this message id claimed; nothing was sent by this worker",
            Transient = true,
        },
        StoreUnavailableException => new GatewayError
        {
            Code = GatewayErrorCode.Unknown,
            Message = "the shared idempotency store could not be reached, so nothing was sent",
            Transient = true,
        },
        _ => new GatewayError
        {
            Code = GatewayErrorCode.Unknown,
            Message = $"provider '{provider ?? "none"}' failed unexpectedly ({exception.GetType().Name}); see the gateway log",
            Transient = true,
        },
    };

    private string? ProviderOf(string? requested, Exception exception) =>
        exception is ProviderException { Provider: { } name } ? name
        : registry.TryFind(requested, out var provider, out _) ? provider.Name
        : requested;

    private async ValueTask<IdempotencyClaim> ClaimAsync(string key, CancellationToken cancellationToken)
    {
        var claim = await store.ClaimAsync(key, cancellationToken).ConfigureAwait(false);
        return claim.Status == IdempotencyClaimStatus.Busy
            ? throw new MessageInProgressException($"'{key}' is claimed by another gateway worker; nothing was sent, try again later")
            : claim;
    }

    /// <summary>
    /// Calls the provider and classifies what escapes it: transport exceptions an adapter did not map become transient
    /// <see cref="ProviderException"/>s, anything else unexpected a permanent one; caller cancellation passes through.
    /// </summary>
    private async Task<TResult> CallAsync<TRequest, TResult>(
        IMessageProvider provider,
        TRequest request,
        Func<IMessageProvider, TRequest, CancellationToken, Task<TResult>> call,
        long started,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await call(provider, request, cancellationToken).ConfigureAwait(false);
            metrics.ProviderCalled(provider.Name, "sent", timeProvider.GetElapsedTime(started));
            return result;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's cancellation wins over whatever the adapter threw while it was being cancelled.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ProviderException exception)
        {
            metrics.ProviderCalled(provider.Name, exception.IsTransient ? "transient" : "failed", timeProvider.GetElapsedTime(started));
            throw;
        }
        catch (Exception exception) when (exception is MessageInProgressException or StoreUnavailableException)
        {
            // A shared store (for example the rate-limit windows) the adapter needed was unreachable: nothing was sent.
            metrics.ProviderCalled(provider.Name, "transient", timeProvider.GetElapsedTime(started));
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or OperationCanceledException or TimeoutRejectedException or BrokenCircuitException)
        {
            metrics.ProviderCalled(provider.Name, "transient", timeProvider.GetElapsedTime(started));
            throw new ProviderException(
                provider.Name,
                GatewayErrorCode.ProviderUnavailable,
                $"provider '{provider.Name}' could not be reached ({exception.GetType().Name})",
                isTransient: true,
                retryAfter: (exception as BrokenCircuitException)?.RetryAfter,
                innerException: exception);
        }
        catch (Exception exception)
        {
            // The exception text may quote a URL or payload, so only its type leaves the process; the log has the rest.
            logger.UnexpectedProviderError(exception, provider.Name);
            metrics.ProviderCalled(provider.Name, "failed", timeProvider.GetElapsedTime(started));
            throw new ProviderException(
                provider.Name,
                GatewayErrorCode.Unknown,
                $"provider '{provider.Name}' failed unexpectedly ({exception.GetType().Name}); see the gateway log",
                isTransient: false);
        }
    }

    /// <summary>
    /// The last point where caller cancellation stops a command: nothing was sent yet, so the claim is given back. (An
    /// in-memory claim never waits on the token, so a caller that cancelled before it would otherwise still send.)
    /// </summary>
    private async ValueTask ThrowIfCancelledBeforeTheCallAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(claim).ConfigureAwait(false);
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private async ValueTask CompleteAsync(IdempotencyClaim claim, string outcome)
    {
        try
        {
            await store.CompleteAsync(claim, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is StoreUnavailableException or TimeoutException)
        {
            // The provider accepted the message: report it sent (the command is acknowledged, so the broker does not
            // redeliver it); only a later duplicate of the same id would go unrecognised.
            logger.OutcomeNotRecorded(exception, claim.Key);
        }
    }

    private async ValueTask ReleaseAsync(IdempotencyClaim claim)
    {
        try
        {
            await store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is StoreUnavailableException or TimeoutException)
        {
            // The claim expires with its lease; until then a redelivery waits.
            logger.ClaimNotReleased(exception, claim.Key);
        }
    }

    private GatewayError UnknownProvider(string name) => ValidationFailures.InvalidMessage(
    [
        new GatewayErrorDetail
        {
            Field = "provider",
            Rule = ValidationRules.UnknownProvider,
            Message = $"'{name}' is not a configured provider instance; configured: {registry.ConfiguredNames}",
        },
    ]);

    private static GatewayError AllRecipientsFailed(IReadOnlyList<FailedRecipient> failures)
    {
        if (failures.Count == 0)
        {
            return new GatewayError { Code = GatewayErrorCode.Unknown, Message = "the provider reported no delivery and no failure" };
        }

        var first = failures[0].Error;
        var sameCode = failures.All(f => f.Error.Code == first.Code);
        var listed = string.Join("; ", failures.Take(MaxRecipientsInErrorMessage).Select(f => $"{f.Recipient}: {f.Error.Message}"));
        var more = failures.Count > MaxRecipientsInErrorMessage ? $"; and {failures.Count - MaxRecipientsInErrorMessage} more" : string.Empty;
        return new GatewayError
        {
            Code = sameCode ? first.Code : GatewayErrorCode.Unknown,
            ProviderCode = failures.All(f => f.Error.ProviderCode == first.ProviderCode) ? first.ProviderCode : null,
            Message = $"all {failures.Count} recipients failed: {listed}{more}",
            Transient = failures.Any(f => f.Error.Transient),
        };
    }

    private SendOutcome SendFailed(string messageId, string? provider, GatewayError error, int attempts)
    {
        if (error.Code == GatewayErrorCode.InvalidMessage)
        {
            logger.InvalidMessage(messageId, error.Message);
        }
        else
        {
            logger.MessageSendFailed(messageId, provider, error.Code, error.ProviderCode, error.Transient, error.Message);
        }

        metrics.MessageFailed(provider, error.Code);
        return SendOutcome.Failure(new MessageSendFailed { MessageId = messageId, Provider = provider, Error = error, Attempts = attempts });
    }

    private RevokeOutcome RevokeFailed(string messageId, string? provider, GatewayError error, int attempts)
    {
        logger.MessageRevokeFailed(messageId, provider, error.Code, error.ProviderCode, error.Transient, error.Message);
        return RevokeOutcome.Failure(new MessageRevokeFailed { MessageId = messageId, Provider = provider, Error = error, Attempts = attempts });
    }
}
