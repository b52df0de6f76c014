using System.Text;
using System.Text.Json;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Http;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm.Tests.Http;

/// <summary>The envelope reader must accept and reject exactly what the serializer does, and read the same values.</summary>
public class OpenImEnvelopeReaderTests
{
    private static readonly string[] Samples =
    [
        """{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s1","clientMsgID":"c1","sendTime":1767225600000}}""",
        """{"errCode":1004,"errMsg":"RecordNotFoundError","errDlt":"user not found: u1","data":null}""",
        """{"errCode":1501,"errMsg":"TokenExpiredError"}""",
        """{"data":{"serverMsgID":"s"},"errCode":0}""",
        """{"errCode":0,"errCode":500,"errMsg":"last wins"}""",
        """{"errCode":0,"extra":{"nested":[1,2,{"x":null}]},"more":[],"errMsg":"skip unknown"}""",
        """{"ErrCode":500,"errCode":0}""",
        """{"errCode":null,"errMsg":null,"errDlt":null}""",
        """{"errCode":"0"}""",
        """{"errCode":1.5}""",
        """{"errCode":99999999999}""",
        """{"errMsg":5}""",
        """{"data":"not an object"}""",
        """{"data":{"sendTime":"soon"}}""",
        """[{"errCode":0}]""",
        "\"just a string\"",
        "404 page not found",
        "<html><body>Bad Gateway</body></html>",
        """{"errCode":0}trailing""",
        """{"errCode":0}{"errCode":1}""",
        """{"errCode":0""",
        """{"errCode":0} """,
        """ {"errCode":0}""",
        "{}",
        """{"errCode":0,/*comment*/"errMsg":""}""",
        """{"errMsg":"caf\u00e9 \ud83d\ude00","errDlt":"quote \" and slash \\"}""",
    ];

    public static TheoryData<string> Bodies => [.. Samples];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Read_AnyBody_AgreesWithTheSerializer(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var expected = Deserialize(bytes);

        var actual = Read(bytes);

        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.Equal(
                (expected.ErrCode, expected.ErrMsg, expected.ErrDlt, expected.Data?.ServerMsgId, expected.Data?.ClientMsgId, expected.Data?.SendTime),
                (actual!.ErrCode, actual.ErrMsg, actual.ErrDlt, actual.Data?.ServerMsgId, actual.Data?.ClientMsgId, actual.Data?.SendTime));
        }
    }

    [Fact]
    public void Bodies_CoverAcceptedAndRejected()
    {
        var answers = Samples.Select(body => Deserialize(Encoding.UTF8.GetBytes(body)) is not null).ToList();

        Assert.True(answers.Count(accepted => accepted) >= 8);
        Assert.True(answers.Count(accepted => !accepted) >= 8);
    }

    private static OpenImResponse<SendMsgData>? Deserialize(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, OpenImJsonContext.Default.OpenImResponseSendMsgData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OpenImResponse<SendMsgData>? Read(byte[] body)
    {
        try
        {
            return OpenImEnvelopeReader.Read(body, OpenImJsonContext.Default.SendMsgData);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
