using System.Net;
using Gateway.Core.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.Core.Tests.Http;

/// <summary>
/// Every provider client's request log: one debug event per HTTP attempt (1100 sending, 1101 answered, 1102 failed)
/// with the instance, the method and the route as a path; never the host, the query or a header, not even in the
/// structured state.
/// </summary>
public sealed class ProviderHttpLoggerTests
{
    private const string Category = "Gateway.Core.Http.ProviderHttpLogger";
    private const string Secret = "s3cr3t-token-value";

    private readonly FakeLogger<ProviderHttpLogger> _logger = new();

    [Fact]
    public void LogRequestStart_ProviderRequest_LogsADebugEventWithInstanceMethodAndPath()
    {
        using var request = Request();

        CreateSut().LogRequestStart(request);

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((1100, "ProviderHttpRequestSending", LogLevel.Debug, Category), (record.Id.Id, record.Id.Name, record.Level, record.Category));
        Assert.Equal(
            ("openim", "POST", "/prefix/msg/send_msg"),
            (record.GetStructuredStateValue("Provider"), record.GetStructuredStateValue("Method"), record.GetStructuredStateValue("Path")));
        Assert.Equal("Provider openim: POST /prefix/msg/send_msg", record.Message);
    }

    [Fact]
    public void LogRequestStop_Answer_LogsADebugEventWithTheStatusAndTheTime()
    {
        using var request = Request();
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        CreateSut().LogRequestStop(null, request, response, TimeSpan.FromMilliseconds(12));

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((1101, "ProviderHttpResponseReceived", LogLevel.Debug, Category), (record.Id.Id, record.Id.Name, record.Level, record.Category));
        Assert.Equal(
            ("openim", "/prefix/msg/send_msg", "429", "12"),
            (record.GetStructuredStateValue("Provider"), record.GetStructuredStateValue("Path"), record.GetStructuredStateValue("StatusCode"), record.GetStructuredStateValue("ElapsedMilliseconds")));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "ConnectionError")]
    [InlineData(HttpRequestError.ResponseEnded, "ResponseEnded")]
    public void LogRequestFailed_TransportError_LogsItsKindWithoutTheException(HttpRequestError kind, string expected)
    {
        using var request = Request();

        CreateSut().LogRequestFailed(null, request, null, new HttpRequestException(kind, $"failed at http://openim.test:10002/?token={Secret}"), TimeSpan.FromMilliseconds(3));

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((1102, "ProviderHttpRequestFailed", LogLevel.Debug, Category), (record.Id.Id, record.Id.Name, record.Level, record.Category));
        Assert.Equal(("/prefix/msg/send_msg", expected), (record.GetStructuredStateValue("Path"), record.GetStructuredStateValue("Error")));
        Assert.Null(record.Exception);
    }

    [Fact]
    public void LogRequestFailed_OtherException_LogsItsTypeName()
    {
        using var request = Request();

        CreateSut().LogRequestFailed(null, request, null, new TaskCanceledException(Secret), TimeSpan.FromMilliseconds(3));

        Assert.Equal("TaskCanceledException", Assert.Single(_logger.Collector.GetSnapshot()).GetStructuredStateValue("Error"));
    }

    [Fact]
    public void Log_SidePipelineRequest_NamesTheInstance()
    {
        using var request = Request(side: "auth");

        CreateSut().LogRequestStart(request);

        Assert.Equal("openim", Assert.Single(_logger.Collector.GetSnapshot()).GetStructuredStateValue("Provider"));
    }

    [Fact]
    public void Log_EveryEvent_NeverCarriesTheHostTheQueryOrAHeader()
    {
        using var request = Request();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("Set-Cookie", Secret);
        var sut = CreateSut();

        sut.LogRequestStart(request);
        sut.LogRequestStop(null, request, response, TimeSpan.FromMilliseconds(1));
        sut.LogRequestFailed(null, request, response, new HttpRequestException(HttpRequestError.ConnectionError), TimeSpan.FromMilliseconds(1));

        var records = _logger.Collector.GetSnapshot();
        Assert.Equal(3, records.Count);
        Assert.All(records, record =>
        {
            var text = record.Message + ";" + string.Join(";", (record.StructuredState ?? []).Select(p => p.Key + "=" + p.Value));
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("openim.test", text, StringComparison.Ordinal);
            Assert.DoesNotContain("usersig", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Log_DebugOff_LogsNothing()
    {
        _logger.ControlLevel(LogLevel.Debug, enabled: false);
        using var request = Request();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        var sut = CreateSut();

        sut.LogRequestStart(request);
        sut.LogRequestStop(null, request, response, TimeSpan.FromMilliseconds(1));
        sut.LogRequestFailed(null, request, response, new HttpRequestException(HttpRequestError.ConnectionError), TimeSpan.FromMilliseconds(1));

        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    private static HttpRequestMessage Request(string? side = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://openim.test:10002/prefix/msg/send_msg?usersig={Secret}&sdkappid=1");
        request.Headers.TryAddWithoutValidation("token", Secret);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Secret);
        if (side is null)
        {
            request.SetProviderInstance("openim");
        }
        else
        {
            request.SetProviderInstance("openim", side);
        }

        return request;
    }

    private ProviderHttpLogger CreateSut() => new(_logger);
}
