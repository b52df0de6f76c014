using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.Core.Idempotency;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Core.Serialization;
using Gateway.Core.Validation;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Internal;

/// <summary>
/// The send and revoke pipeline: validate → idempotency claim → route → capability check → provider call → record →
/// outcome. Failures come back as outcomes; only caller cancellation is thrown.
/// </summary>
internal sealed class MessageGateway(
    SendMessageValidator sendValidator,
    RevokeMessageValidator revokeValidator,
    MessageProviderRegistry registry,
    IIdempotencyStore store,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILogger<MessageGateway> logger) : IMessageGateway
{
    private const int MaxRecipientsInErrorMessage = 10;

    public async Task<SendOutcome> SendAsync(SendMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = timeProvider.GetTimestamp();
        var messageId = message.MessageId ?? string.Empty;
        using var scope = logger.BeginMessageScope(messageId, message.Provider);

        var validation = await sendValidator.ValidateAsync(message, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return SendFailed(messageId, null, ValidationFailures.ToError(validation.Errors), attempts: 0, started);
        }

        var key = "send:" + messageId;
        var claim = await store.ClaimAsync(key, cancellationToken).ConfigureAwait(false);
        if (!claim.Acquired)
        {
            logger.DuplicateMessage(messageId);
            var stored = JsonSerializer.Deserialize(claim.StoredOutcome!, GatewayJsonContext.Default.MessageSent)!;
            return SendOutcome.Success(stored with { Duplicate = true });
        }

        var completed = false;
        try
        {
            var provider = registry.Find(message.Provider);
            if (provider is null)
            {
                return SendFailed(messageId, null, UnknownProvider(message.Provider!), attempts: 0, started);
            }

            var (errors, ignored) = CapabilityCheck.Check(message, provider, registry.IsStrict(provider.Name));
            if (errors.Count > 0)
            {
                return SendFailed(messageId, provider.Name, ValidationFailures.InvalidMessage(errors), attempts: 0, started);
            }

            if (ignored.Count > 0 && logger.IsEnabled(LogLevel.Debug))
            {
                logger.IgnoredOptions(provider.Name, string.Join(", ", ignored), messageId);
            }

            ProviderSendResult result;
            try
            {
                result = await provider.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!IsCallerCancellation(exception, cancellationToken))
            {
                return SendFailed(messageId, provider.Name, ToError(exception, provider.Name, messageId), attempts: 1, started);
            }

            if (result.Deliveries.Count == 0)
            {
                return SendFailed(messageId, provider.Name, AllRecipientsFailed(result.FailedRecipients), attempts: 1, started);
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
            await store.CompleteAsync(key, JsonSerializer.Serialize(sent, GatewayJsonContext.Default.MessageSent), CancellationToken.None).ConfigureAwait(false);
            completed = true;
            logger.MessageSent(messageId, provider.Name, sent.Deliveries.Count, sent.FailedRecipients.Count);
            metrics.MessageSent(provider.Name, timeProvider.GetElapsedTime(started));
            return SendOutcome.Success(sent);
        }
        finally
        {
            if (!completed)
            {
                await store.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<RevokeOutcome> RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messageId = request.MessageId ?? string.Empty;
        using var scope = logger.BeginMessageScope(messageId, request.Provider);

        var validation = await revokeValidator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return RevokeFailed(messageId, null, ValidationFailures.ToError(validation.Errors), attempts: 0);
        }

        var key = "revoke:" + messageId;
        var claim = await store.ClaimAsync(key, cancellationToken).ConfigureAwait(false);
        if (!claim.Acquired)
        {
            logger.DuplicateMessage(messageId);
            var stored = JsonSerializer.Deserialize(claim.StoredOutcome!, GatewayJsonContext.Default.MessageRevoked)!;
            return RevokeOutcome.Success(stored with { Duplicate = true });
        }

        var completed = false;
        try
        {
            var provider = registry.Find(request.Provider);
            if (provider is null)
            {
                return RevokeFailed(messageId, null, UnknownProvider(request.Provider!), attempts: 0);
            }

            var errors = CapabilityCheck.Check(request, provider);
            if (errors.Count > 0)
            {
                return RevokeFailed(messageId, provider.Name, ValidationFailures.InvalidMessage(errors), attempts: 0);
            }

            try
            {
                await provider.RevokeAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!IsCallerCancellation(exception, cancellationToken))
            {
                return RevokeFailed(messageId, provider.Name, ToError(exception, provider.Name, messageId), attempts: 1);
            }

            var revoked = new MessageRevoked
            {
                MessageId = messageId,
                Provider = provider.Name,
                ProviderMessageKey = request.ProviderMessageKey,
                RevokedAt = timeProvider.GetUtcNow(),
            };
            await store.CompleteAsync(key, JsonSerializer.Serialize(revoked, GatewayJsonContext.Default.MessageRevoked), CancellationToken.None).ConfigureAwait(false);
            completed = true;
            logger.MessageRevoked(messageId, provider.Name);
            return RevokeOutcome.Success(revoked);
        }
        finally
        {
            if (!completed)
            {
                await store.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static bool IsCallerCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private GatewayError UnknownProvider(string name) => ValidationFailures.InvalidMessage(
    [
        new GatewayErrorDetail
        {
            Field = "provider",
            Rule = ValidationRules.UnknownProvider,
            Message = $"'{name}' is not a configured provider instance; configured: {registry.ConfiguredNames}",
        },
    ]);

    private GatewayError ToError(Exception exception, string provider, string messageId)
    {
        switch (exception)
        {
            case ProviderException providerException:
                return providerException.ToGatewayError();
            case HttpRequestException or TimeoutException or OperationCanceledException:
                // An adapter should have mapped these; classify them the safe way rather than losing the message.
                return new GatewayError
                {
                    Code = GatewayErrorCode.ProviderUnavailable,
                    Message = $"provider '{provider}' could not be reached ({exception.GetType().Name})",
                    Transient = true,
                };
            default:
                // The exception text may quote a URL or payload, so only its type leaves the process; the log has the rest.
                logger.UnexpectedProviderError(exception, provider, messageId);
                return new GatewayError
                {
                    Code = GatewayErrorCode.Unknown,
                    Message = $"provider '{provider}' failed unexpectedly ({exception.GetType().Name}); see the gateway log",
                    Transient = false,
                };
        }
    }

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

    private SendOutcome SendFailed(string messageId, string? provider, GatewayError error, int attempts, long started)
    {
        if (error.Code == GatewayErrorCode.InvalidMessage)
        {
            logger.InvalidMessage(messageId, error.Message);
        }
        else
        {
            logger.MessageSendFailed(messageId, provider, error.Code, error.ProviderCode, error.Transient, error.Message);
        }

        metrics.MessageFailed(provider, error.Code, timeProvider.GetElapsedTime(started));
        return SendOutcome.Failure(new MessageSendFailed { MessageId = messageId, Provider = provider, Error = error, Attempts = attempts });
    }

    private RevokeOutcome RevokeFailed(string messageId, string? provider, GatewayError error, int attempts)
    {
        logger.MessageRevokeFailed(messageId, provider, error.Code, error.ProviderCode, error.Transient, error.Message);
        return RevokeOutcome.Failure(new MessageRevokeFailed { MessageId = messageId, Provider = provider, Error = error, Attempts = attempts });
    }
}
