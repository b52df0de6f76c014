namespace Gateway.Sandbox.TencentIm;

/// <summary>The Tencent Cloud IM error codes the emulator answers with (reference §6).</summary>
public static class TencentImErrorCodes
{
    /// <summary>Request JSON parse error.</summary>
    public const int RequestJsonInvalid = 60003;

    /// <summary>Identifier wrong in the URL.</summary>
    public const int IdentifierInvalid = 60004;

    /// <summary>SDKAppID invalid.</summary>
    public const int SdkAppIdInvalid = 60006;

    /// <summary>REST call frequency over the limit.</summary>
    public const int RequestRateExceeded = 60007;

    /// <summary>Bad resource or URL (unknown API, missing random or contenttype).</summary>
    public const int BadUrl = 60009;

    /// <summary>App admin required.</summary>
    public const int AdminRequired = 60010;

    /// <summary>SDKAppID request frequency over the limit (the emulator uses it for batch recipients per minute).</summary>
    public const int AppRateExceeded = 60011;

    /// <summary>SDKAppID missing in the URL.</summary>
    public const int SdkAppIdMissing = 60012;

    /// <summary>An account field is not a string.</summary>
    public const int AccountNotString = 60015;

    /// <summary>UserSig expired.</summary>
    public const int UserSigExpired = 70001;

    /// <summary>UserSig empty.</summary>
    public const int UserSigEmpty = 70002;

    /// <summary>UserSig check failed.</summary>
    public const int UserSigMalformed = 70003;

    /// <summary>UserSig truncated.</summary>
    public const int UserSigTruncated = 70005;

    /// <summary>UserSig signature verification failed.</summary>
    public const int UserSigBadSignature = 70009;

    /// <summary>Identifier does not match the UserSig.</summary>
    public const int UserSigIdentifierMismatch = 70013;

    /// <summary>SDKAppID does not match the UserSig.</summary>
    public const int UserSigSdkAppIdMismatch = 70014;

    /// <summary>SDKAppID not found in this data centre.</summary>
    public const int SdkAppIdNotFound = 70020;

    /// <summary>UserSig invalidated.</summary>
    public const int UserSigInvalidated = 70052;

    /// <summary>Account does not exist (batch <c>ErrorList</c>).</summary>
    public const int AccountNotFound = 70107;

    /// <summary>Message to recall not found.</summary>
    public const int RecallNotFound = 20022;

    /// <summary>Message already recalled.</summary>
    public const int AlreadyRecalled = 20023;

    /// <summary>Body is not valid JSON.</summary>
    public const int BodyNotJson = 90001;

    /// <summary>MsgBody not per spec.</summary>
    public const int MsgBodyInvalid = 90002;

    /// <summary>To_Account missing or invalid.</summary>
    public const int ToAccountInvalid = 90003;

    /// <summary>MsgRandom missing or not an integer.</summary>
    public const int MsgRandomInvalid = 90005;

    /// <summary>MsgTimeStamp not an integer.</summary>
    public const int MsgTimeStampInvalid = 90006;

    /// <summary>MsgBody not an array.</summary>
    public const int MsgBodyNotArray = 90007;

    /// <summary>From_Account missing or does not exist.</summary>
    public const int FromAccountInvalid = 90008;

    /// <summary>Element format invalid.</summary>
    public const int ElementInvalid = 90010;

    /// <summary>Batch over the recipient limit.</summary>
    public const int TooManyRecipients = 90011;

    /// <summary>To_Account not registered or does not exist.</summary>
    public const int ToAccountNotFound = 90012;

    /// <summary>MsgLifeTime invalid (over 7 days).</summary>
    public const int MsgLifeTimeOutOfRange = 90026;

    /// <summary>SyncOtherMachine not an integer.</summary>
    public const int SyncOtherMachineInvalid = 90031;

    /// <summary>MsgLifeTime not an integer.</summary>
    public const int MsgLifeTimeNotInteger = 90044;

    /// <summary>Invalid MsgKey.</summary>
    public const int MsgKeyInvalid = 90054;

    /// <summary>JSON body too long.</summary>
    public const int BodyTooLong = 93000;

    /// <summary>Group: bad parameters.</summary>
    public const int GroupBadParameters = 10004;

    /// <summary>Group does not exist.</summary>
    public const int GroupNotFound = 10010;

    /// <summary>Group: account does not exist.</summary>
    public const int GroupAccountNotFound = 10019;

    /// <summary>Group: message frequency limit (per group).</summary>
    public const int GroupRateExceeded = 10023;

    /// <summary>Group recall: message not found.</summary>
    public const int GroupRecallNotFound = 10030;
}
