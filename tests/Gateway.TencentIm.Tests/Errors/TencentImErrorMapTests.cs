using Gateway.Core.Contracts;
using Gateway.TencentIm.Errors;
using static Gateway.TencentIm.Errors.TencentImErrorKind;

namespace Gateway.TencentIm.Tests.Errors;

/// <summary>One row per code of reference §6: kind (the reference's class) → (gateway code, transient), written out here from the reference.</summary>
public sealed class TencentImErrorMapTests
{
    public static TheoryData<int, string, GatewayErrorCode, bool> Rows => new()
    {
        { 60002, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 60003, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 60004, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 60005, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 60006, nameof(Config), GatewayErrorCode.Unauthorized, false },
        { 60007, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 60008, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 60009, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 60010, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 60011, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 60012, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 60013, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 60014, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 60015, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 60016, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 60017, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 60018, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 60019, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 60020, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 60021, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 70001, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70002, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70003, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70005, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70009, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70013, nameof(Config), GatewayErrorCode.Unauthorized, false },
        { 70014, nameof(Config), GatewayErrorCode.Unauthorized, false },
        { 70016, nameof(Config), GatewayErrorCode.Unauthorized, false },
        { 70020, nameof(Config), GatewayErrorCode.Unauthorized, false },
        { 70050, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 70051, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 70052, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 70107, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 70114, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 70169, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 70202, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 70206, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 70398, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 70402, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 70403, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 70500, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 80001, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 80002, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 20001, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 20002, nameof(AuthThenRetryable), GatewayErrorCode.ProviderUnavailable, true },
        { 20003, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 20004, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 20005, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 20006, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20007, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20009, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20010, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20011, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20012, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 20016, nameof(Revoke), GatewayErrorCode.InvalidMessage, false },
        { 20018, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 20022, nameof(Revoke), GatewayErrorCode.InvalidMessage, false },
        { 20023, nameof(Success), GatewayErrorCode.Unknown, false },
        { 90001, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90002, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90003, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90005, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90006, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90007, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90008, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 90009, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 90010, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90011, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90012, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 90026, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90031, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90044, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90048, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 90054, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 90992, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 90994, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 90995, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 91000, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 93000, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 120001, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 125000, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 130000, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 10002, nameof(Retryable), GatewayErrorCode.ProviderUnavailable, true },
        { 10003, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 10004, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 10005, nameof(BadRequest), GatewayErrorCode.InvalidMessage, false },
        { 10006, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 10007, nameof(Config), GatewayErrorCode.Forbidden, false },
        { 10008, nameof(Auth), GatewayErrorCode.Unauthorized, false },
        { 10010, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 10015, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 10016, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 10017, nameof(Recipient), GatewayErrorCode.RecipientRejected, false },
        { 10019, nameof(Recipient), GatewayErrorCode.RecipientNotFound, false },
        { 10023, nameof(RateLimited), GatewayErrorCode.RateLimited, true },
        { 10030, nameof(Revoke), GatewayErrorCode.InvalidMessage, false },
        { 10031, nameof(Revoke), GatewayErrorCode.InvalidMessage, false },
        { 10032, nameof(Revoke), GatewayErrorCode.InvalidMessage, false },
        { 10033, nameof(Revoke), GatewayErrorCode.Forbidden, false },
        { 10041, nameof(Revoke), GatewayErrorCode.Forbidden, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Lookup_ReferenceRow_HasItsKindCodeAndTransience(int code, string expectedKind, GatewayErrorCode expectedCode, bool expectedTransient)
    {
        var error = TencentImErrorMap.Lookup(code);

        Assert.Equal(expectedKind, error.Kind.ToString());
        Assert.Equal(expectedCode, error.Code);
        Assert.Equal(expectedTransient, error.Transient);
        Assert.False(string.IsNullOrWhiteSpace(error.Meaning));
    }

    [Fact]
    public void Codes_Table_HasExactlyTheReferenceRows()
    {
        var expected = Rows.Select(r => (int)r[0]).Where(c => c is < 120_001 or > 130_000).Order();

        Assert.Equal(expected, TencentImErrorMap.Codes.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99999)]
    [InlineData(130001)]
    public void Lookup_UnknownCode_IsUnknownAndNotRetried(int code)
    {
        var error = TencentImErrorMap.Lookup(code);

        Assert.Equal(Unknown, error.Kind);
        Assert.Equal(GatewayErrorCode.Unknown, error.Code);
        Assert.False(TencentImErrorMap.IsRetried(code));
    }

    [Theory]
    [InlineData(70500, true)]
    [InlineData(20002, true)]
    [InlineData(60007, true)]
    [InlineData(10023, true)]
    [InlineData(70050, false)]
    [InlineData(70001, false)]
    [InlineData(90010, false)]
    [InlineData(70107, false)]
    public void IsRetried_ByKind_RetriesTransientAndQuotaCodesButNot70050(int code, bool expected)
    {
        Assert.Equal(expected, TencentImErrorMap.IsRetried(code));
    }

    [Theory]
    [InlineData(70001, true)]
    [InlineData(70002, true)]
    [InlineData(70003, true)]
    [InlineData(70005, true)]
    [InlineData(70009, true)]
    [InlineData(70052, true)]
    [InlineData(60004, true)]
    [InlineData(60005, true)]
    [InlineData(20002, true)]
    [InlineData(10008, true)]
    [InlineData(70013, false)]
    [InlineData(70014, false)]
    [InlineData(70050, false)]
    public void IsAuth_UserSigCodes_RenewTheUserSig(int code, bool expected)
    {
        Assert.Equal(expected, TencentImErrorMap.IsAuth(code));
    }

    [Theory]
    [InlineData(20023, true)]
    [InlineData(0, true)]
    [InlineData(20022, false)]
    [InlineData(10030, false)]
    public void IsSuccess_AlreadyRecalled_CountsAsSuccess(int code, bool expected)
    {
        Assert.Equal(expected, TencentImErrorMap.IsSuccess(code));
    }

    [Theory]
    [InlineData(70107, true)]
    [InlineData(20006, true)]
    [InlineData(120001, true)]
    [InlineData(90011, false)]
    [InlineData(60020, false)]
    public void IsAboutRecipient_RecipientCodes_AreReportedPerRecipient(int code, bool expected)
    {
        Assert.Equal(expected, TencentImErrorMap.IsAboutRecipient(code));
    }

    [Theory]
    [InlineData(70500, true)]
    [InlineData(20002, false)]
    [InlineData(60007, false)]
    [InlineData(70050, false)]
    [InlineData(90010, false)]
    public void IsOutage_InternalCodes_CountForTheBreakerButNotQuotas(int code, bool expected)
    {
        Assert.Equal(expected, TencentImErrorMap.IsOutage(code));
    }
}
