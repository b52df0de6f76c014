using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Http;
using Gateway.OpenIm.Serialization;
using Gateway.OpenIm.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests.Http;

/// <summary>Reading an answer: whatever the status, within MaxResponseBytes, parsed once into the request's options, Retry-After in both forms.</summary>
public sealed class OpenImAnswerReaderTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReadAsync_Http400Envelope_ParsesItAndStoresItOnTheRequest()
    {
        using var response = CreateSut(new StringContent("""{"errCode":1001,"errMsg":"ArgsError","errDlt":"Key: 'SendMsgReq.RecvID'"}"""), HttpStatusCode.BadRequest);

        var answer = await OpenImAnswerReader.ReadAsync(response, 1024, Clock, CancellationToken.None);

        Assert.Equal(400, answer.Status);
        Assert.Equal((1001, "ArgsError", "Key: 'SendMsgReq.RecvID'"), (answer.Envelope!.ErrCode, answer.Envelope.ErrMsg, answer.Envelope.ErrDlt));
        Assert.IsType<OpenImResponse<SendMsgData>>(answer.Envelope);
        Assert.False(answer.IsSuccess);
        Assert.Same(answer, OpenImRequest.AnswerOf(response.RequestMessage));
    }

    [Theory]
    [InlineData("404 page not found")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    public async Task ReadAsync_NotAnEnvelope_LeavesTheStatusToDecide(string body)
    {
        using var response = CreateSut(new StringContent(body), HttpStatusCode.NotFound);

        var answer = await OpenImAnswerReader.ReadAsync(response, 1024, Clock, CancellationToken.None);

        Assert.Equal((404, null), (answer.Status, answer.Envelope));
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_ThrowsWithoutReadingTheBody()
    {
        var body = new CountingContent("{\"errDlt\":\"" + new string('x', 4096) + "\"}");
        using var response = CreateSut(body);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => OpenImAnswerReader.ReadAsync(response, 1024, Clock, CancellationToken.None).AsTask());

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, error.HttpRequestError);
        Assert.Contains("MaxResponseBytes (1024 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, body.Reads);
    }

    [Fact]
    public async Task ReadAsync_UnannouncedBodyOverTheLimit_Throws()
    {
        using var response = CreateSut(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 5000)))));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => OpenImAnswerReader.ReadAsync(response, 4096, Clock, CancellationToken.None).AsTask());

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, error.HttpRequestError);
    }

    [Fact]
    public async Task ReadAsync_UnannouncedBodyLargerThanTheFirstBuffer_IsReadWhole()
    {
        var detail = new string('d', 20_000);
        using var response = CreateSut(new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"errCode":500,"errMsg":"ServerInternalError","errDlt":"{{detail}}"}"""))));

        var answer = await OpenImAnswerReader.ReadAsync(response, 64 * 1024, Clock, CancellationToken.None);

        Assert.Equal(detail, answer.Envelope!.ErrDlt);
    }

    [Fact]
    public void RetryAfter_Seconds_IsTheDelta()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), OpenImAnswerReader.RetryAfter(response, Clock));
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(-5, 0)]
    public void RetryAfter_Date_IsTheTimeUntilItOnTheClock(int secondsFromNow, int expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Clock.GetUtcNow().AddSeconds(secondsFromNow));

        Assert.Equal(TimeSpan.FromSeconds(expected), OpenImAnswerReader.RetryAfter(response, Clock));
    }

    [Fact]
    public void RetryAfter_Absent_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(OpenImAnswerReader.RetryAfter(response, Clock));
    }

    private static HttpResponseMessage CreateSut(HttpContent content, HttpStatusCode status = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://openim.test/msg/send_msg");
        OpenImRequest.Describe(request, "m-1-0123456789abcdef", anonymous: false, OpenImJsonContext.Default.OpenImResponseSendMsgData);
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
