using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.Http;

/// <summary>Reading an adapter's answer: the whole body within the bound, whatever the status; Retry-After in both forms.</summary>
public sealed class ProviderAnswersTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReadAsync_UnannouncedBodyLargerThanTheFirstBuffer_ParserGetsAllOfItAndTheRequest()
    {
        var body = new string('b', 10_000);
        using var response = CreateSut(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))), HttpStatusCode.BadRequest);

        var (request, text) = await ProviderAnswers.ReadAsync(response, 64 * 1024, expectedBytes: 16, static (r, buffer, length) => (r, Encoding.UTF8.GetString(buffer, 0, length)), CancellationToken.None);

        Assert.Same(response.RequestMessage, request);
        Assert.Equal(body, text);
    }

    [Fact]
    public async Task ReadAsync_BodyOfExactlyTheLimit_IsRead()
    {
        using var response = CreateSut(new StreamContent(new MemoryStream(new byte[1024])));

        var length = await ProviderAnswers.ReadAsync(response, 1024, expectedBytes: 100, static (_, _, length) => length, CancellationToken.None);

        Assert.Equal(1024, length);
    }

    [Fact]
    public async Task ReadAsync_AnnouncedLengthOverTheLimit_ThrowsBeforeParsing()
    {
        using var response = CreateSut(new ByteArrayContent(new byte[2048]));
        var parsed = false;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ProviderAnswers.ReadAsync(response, 1024, 100, (_, _, _) => parsed = true, CancellationToken.None).AsTask());

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, error.HttpRequestError);
        Assert.Equal("the answer is larger than 1024 bytes", error.Message);
        Assert.False(parsed);
    }

    [Fact]
    public async Task ReadAsync_UnannouncedBodyOneByteOverTheLimit_Throws()
    {
        using var response = CreateSut(new StreamContent(new MemoryStream(new byte[1025])));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ProviderAnswers.ReadAsync(response, 1024, 100, static (_, _, length) => length, CancellationToken.None).AsTask());

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, error.HttpRequestError);
    }

    [Fact]
    public void RetryAfter_Seconds_IsTheDelta()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), ProviderAnswers.RetryAfter(response, Clock));
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(-5, 0)]
    public void RetryAfter_Date_IsTheTimeUntilItOnTheClock(int secondsFromNow, int expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Clock.GetUtcNow().AddSeconds(secondsFromNow));

        Assert.Equal(TimeSpan.FromSeconds(expected), ProviderAnswers.RetryAfter(response, Clock));
    }

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(ProviderAnswers.RetryAfter(response, Clock));
    }

    private static HttpResponseMessage CreateSut(HttpContent content, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = content, RequestMessage = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/send") };
}
