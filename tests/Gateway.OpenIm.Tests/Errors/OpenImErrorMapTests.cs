using Gateway.Core.Contracts;
using Gateway.OpenIm.Errors;

namespace Gateway.OpenIm.Tests.Errors;

/// <summary>One row per code of reference §5 (v3) and §7.2 (v2), written out literally, plus the rules beyond the code.</summary>
public sealed class OpenImErrorMapTests
{
    [Theory]
    [InlineData(500, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(1000, GatewayErrorCode.Unknown, true)]
    [InlineData(1001, GatewayErrorCode.InvalidMessage, false)]
    [InlineData(1002, GatewayErrorCode.Forbidden, false)]
    [InlineData(1003, GatewayErrorCode.Unknown, false)]
    [InlineData(1004, GatewayErrorCode.RecipientNotFound, false)]
    [InlineData(1050, GatewayErrorCode.Forbidden, false)]
    [InlineData(1101, GatewayErrorCode.InvalidMessage, false)]
    [InlineData(1102, GatewayErrorCode.Unknown, false)]
    [InlineData(1201, GatewayErrorCode.RecipientNotFound, false)]
    [InlineData(1202, GatewayErrorCode.Unknown, false)]
    [InlineData(1203, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(1204, GatewayErrorCode.RecipientNotFound, false)]
    [InlineData(1205, GatewayErrorCode.Forbidden, false)]
    [InlineData(1206, GatewayErrorCode.Unknown, false)]
    [InlineData(1301, GatewayErrorCode.InvalidMessage, false)]
    [InlineData(1302, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(1303, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(1304, GatewayErrorCode.Unknown, false)]
    [InlineData(1305, GatewayErrorCode.Unknown, false)]
    [InlineData(1401, GatewayErrorCode.Forbidden, false)]
    [InlineData(1402, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(1403, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(1404, GatewayErrorCode.InvalidMessage, false)]
    [InlineData(1501, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1502, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1503, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1504, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1505, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1506, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1507, GatewayErrorCode.Unauthorized, false)]
    [InlineData(1520, GatewayErrorCode.Forbidden, false)]
    [InlineData(1601, GatewayErrorCode.Unknown, false)]
    [InlineData(1602, GatewayErrorCode.Unknown, false)]
    [InlineData(1603, GatewayErrorCode.Unknown, false)]
    [InlineData(1604, GatewayErrorCode.Unknown, false)]
    [InlineData(1701, GatewayErrorCode.InvalidMessage, false)]
    [InlineData(10001, GatewayErrorCode.Unknown, false)]
    [InlineData(10002, GatewayErrorCode.Unknown, false)]
    [InlineData(10003, GatewayErrorCode.Unknown, false)]
    [InlineData(10004, GatewayErrorCode.Unknown, false)]
    [InlineData(10005, GatewayErrorCode.Unknown, false)]
    [InlineData(10006, GatewayErrorCode.Unknown, false)]
    [InlineData(10007, GatewayErrorCode.Unknown, false)]
    [InlineData(10008, GatewayErrorCode.Unknown, false)]
    [InlineData(10009, GatewayErrorCode.Unknown, false)]
    [InlineData(10010, GatewayErrorCode.Unknown, false)]
    [InlineData(10011, GatewayErrorCode.Unknown, false)]
    [InlineData(10012, GatewayErrorCode.Unknown, false)]
    [InlineData(10013, GatewayErrorCode.Unknown, false)]
    [InlineData(10014, GatewayErrorCode.Unknown, false)]
    [InlineData(80000, GatewayErrorCode.RecipientRejected, false)]
    [InlineData(90002, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(90004, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(90007, GatewayErrorCode.Unknown, false)]
    [InlineData(429, GatewayErrorCode.RateLimited, true)]
    public void Classify_V3Code_MapsToRow(int errCode, GatewayErrorCode expected, bool transient)
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, httpStatus: 200, errCode, "Name", errDlt: string.Empty);

        Assert.Equal(expected, result.Code);
        Assert.Equal(transient, result.Transient);
    }

    [Theory]
    [InlineData(201, 200, "kafka send msg err", GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(201, 200, "callback stop", GatewayErrorCode.RecipientRejected, false)]
    [InlineData(203, 200, "unkonwn sessionType", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(400, 400, "Key: 'ManagementSendMsgReq.SendID' Error:Field validation for 'SendID' failed on the 'required' tag", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(400, 400, "parse token failed", GatewayErrorCode.Unauthorized, false)]
    [InlineData(400, 400, "not authorized", GatewayErrorCode.Forbidden, false)]
    [InlineData(401, 400, "1 error(s) decoding", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(403, 400, "Key: 'TextElem.Text' Error:Field validation for 'Text' failed on the 'required' tag", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(404, 400, "contentType err", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(405, 400, "recvID is a null string", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(500, 500, "call UserSendMsg  rpc server failed", GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(600, 200, "in black list", GatewayErrorCode.RecipientRejected, false)]
    [InlineData(601, 200, "not friend", GatewayErrorCode.RecipientRejected, false)]
    [InlineData(700, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(701, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(702, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(703, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(704, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(705, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(706, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(707, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(708, 200, "", GatewayErrorCode.Unauthorized, false)]
    [InlineData(801, 200, "", GatewayErrorCode.Forbidden, false)]
    [InlineData(802, 200, "", GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(803, 200, "", GatewayErrorCode.InvalidMessage, false)]
    [InlineData(804, 200, "", GatewayErrorCode.Unknown, false)]
    [InlineData(809, 200, "", GatewayErrorCode.RecipientRejected, false)]
    public void Classify_V2Code_MapsToRow(int errCode, int status, string errMsg, GatewayErrorCode expected, bool transient)
    {
        var result = OpenImErrorMap.Classify(legacyV2: true, status, errCode, errMsg, errDlt: null);

        Assert.Equal(expected, result.Code);
        Assert.Equal(transient, result.Transient);
    }

    [Theory]
    [InlineData("Key: 'TextElem.Content' Error:Field validation for 'Content' failed on the 'required' tag")]
    [InlineData("1 error(s) decoding:\n\n* 'data' expected type 'string', got unconvertible type 'map[string]interface {}', value: 'map[a:1]'")]
    [InlineData("rpc error: code = ResourceExhausted desc = grpc: received message larger than max (9000000 vs. 8388608)")]
    public void Classify_V3Code500WithValidationOrSizeDetail_IsPermanentInvalidMessage(string errDlt)
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, 200, 500, "ServerInternalError", errDlt);

        Assert.Equal(GatewayErrorCode.InvalidMessage, result.Code);
        Assert.False(result.Transient);
    }

    [Theory]
    [InlineData("grpc service msg down")]
    [InlineData("redis: connection refused")]
    [InlineData("")]
    public void Classify_V3Code500FromServerSide_IsTransientProviderUnavailable(string errDlt)
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, 200, 500, "ServerInternalError", errDlt);

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, result.Code);
        Assert.True(result.Transient);
    }

    [Fact]
    public void Classify_V3Code1001MessageIsNotSent_IsRecipientRejected()
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, 200, 1001, "ArgsError", "message is not sent");

        Assert.Equal(GatewayErrorCode.RecipientRejected, result.Code);
        Assert.False(result.Transient);
    }

    [Fact]
    public void Classify_V3HttpBindingError_IsInvalidMessage()
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, 400, 1001, "ArgsError", "Key: 'SendMsgReq.RecvID' Error:Field validation for 'RecvID' failed on the 'required_if' tag");

        Assert.Equal(GatewayErrorCode.InvalidMessage, result.Code);
        Assert.False(result.Transient);
    }

    [Theory]
    [InlineData(false, 429, null)]
    [InlineData(false, 429, 429)]
    [InlineData(true, 429, null)]
    public void Classify_Http429_IsTransientRateLimited(bool legacy, int status, int? errCode)
    {
        var result = OpenImErrorMap.Classify(legacy, status, errCode, null, null);

        Assert.Equal(GatewayErrorCode.RateLimited, result.Code);
        Assert.True(result.Transient);
    }

    [Theory]
    [InlineData(500, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(502, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(503, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(408, GatewayErrorCode.ProviderUnavailable, true)]
    [InlineData(404, GatewayErrorCode.Forbidden, false)]
    [InlineData(400, GatewayErrorCode.Unknown, false)]
    [InlineData(200, GatewayErrorCode.Unknown, false)]
    public void Classify_NoEnvelope_DecidesByHttpStatus(int status, GatewayErrorCode expected, bool transient)
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, status, errCode: null, null, null);

        Assert.Equal(expected, result.Code);
        Assert.Equal(transient, result.Transient);
    }

    [Fact]
    public void Classify_UnlistedCode_IsPermanentUnknown()
    {
        var result = OpenImErrorMap.Classify(legacyV2: false, 200, 123456, "webhook says no", string.Empty);

        Assert.Equal(GatewayErrorCode.Unknown, result.Code);
        Assert.False(result.Transient);
    }

    [Theory]
    [InlineData(false, 200, 1500, null, false)]
    [InlineData(false, 200, 1501, null, true)]
    [InlineData(false, 200, 1507, null, true)]
    [InlineData(false, 200, 1508, null, false)]
    [InlineData(true, 400, 400, "parse token failed", true)]
    [InlineData(true, 400, 400, "not authorized", false)]
    [InlineData(true, 200, 701, null, false)]
    public void IsTokenError_OnlyTokenFailures_AreRefreshable(bool legacy, int status, int errCode, string? errMsg, bool expected) =>
        Assert.Equal(expected, OpenImErrorMap.IsTokenError(legacy, status, errCode, errMsg));

    [Fact]
    public void Tables_EveryRowIsCoveredByALiteralTest()
    {
        // Keeps the literal rows above in step with the table: a new row needs a new InlineData.
        Assert.Equal(56, OpenImErrorMap.V3Table.Count);
        Assert.Equal(24, OpenImErrorMap.V2Table.Count);
    }
}
