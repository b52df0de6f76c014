namespace Gateway.TencentIm.Http;

/// <summary>One REST API the adapter calls: its name (also the rate-limit family) and path.</summary>
/// <param name="Name">The command name, for example <c>sendmsg</c>.</param>
/// <param name="Path">The path relative to the base address, for example <c>v4/openim/sendmsg</c>.</param>
/// <param name="IsOneToOneSend">Whether Tencent deduplicates it on sender + MsgSeq + MsgRandom + content within 120 s.</param>
internal sealed record TencentImApi(string Name, string Path, bool IsOneToOneSend)
{
    public static readonly TencentImApi SendMsg = new("sendmsg", "v4/openim/sendmsg", true);
    public static readonly TencentImApi BatchSendMsg = new("batchsendmsg", "v4/openim/batchsendmsg", true);
    public static readonly TencentImApi SendGroupMsg = new("send_group_msg", "v4/group_open_http_svc/send_group_msg", false);
    public static readonly TencentImApi AdminMsgWithdraw = new("admin_msgwithdraw", "v4/openim/admin_msgwithdraw", false);
    public static readonly TencentImApi GroupMsgRecall = new("group_msg_recall", "v4/group_open_http_svc/group_msg_recall", false);

    public static IReadOnlyList<TencentImApi> All { get; } = [SendMsg, BatchSendMsg, SendGroupMsg, AdminMsgWithdraw, GroupMsgRecall];
}
