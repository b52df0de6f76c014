using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Core.Providers;
using Gateway.Core.Tests.Fakes;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Core.Tests.Pipeline;

/// <summary>The library facade: what the pipeline throws as transient comes back as a failure outcome with <c>transient: true</c>.</summary>
public class MessageGatewayTests
{
    [Fact]
    public async Task SendAsync_TransientProviderFailure_ReturnsItAsATransientFailureAndTheIdCanBeRetried()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(
            new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "errCode 500: grpc service down", isTransient: true, status: 200, providerErrorCode: "500"),
            times: 1);

        var failed = await sut.Gateway.SendAsync(Samples.Text("retry-me"));
        var retried = await sut.Gateway.SendAsync(Samples.Text("retry-me"));

        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.ProviderUnavailable, ProviderCode = "500", Message = "errCode 500: grpc service down", Transient = true },
            failed.Failed!.Error);
        Assert.Equal(("primary", 1), (failed.Failed.Provider, failed.Failed.Attempts));
        Assert.True(retried.IsSuccess);
        Assert.False(retried.Sent.Duplicate);
    }

    [Fact]
    public async Task SendAsync_TransportExceptionEscapesTheAdapter_TransientProviderUnavailable()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(new HttpRequestException("connection refused"));

        var outcome = await sut.Gateway.SendAsync(Samples.Text());

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (outcome.Failed!.Error.Code, outcome.Failed.Error.Transient));
    }

    private static TestGateway CreateSut(IIdempotencyStore? store = null) =>
        TestGateway.Create(services: services =>
        {
            if (store is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(store));
            }
        });
}
