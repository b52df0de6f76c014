namespace Gateway.OpenIm;

/// <summary>How a message to several users is sent.</summary>
public enum OpenImDeliveryMode
{
    /// <summary>
    /// <c>/msg/batch_send_msg</c> in chunks of <see cref="OpenImOptions.BatchSize"/> recipients. Fewer calls, but a
    /// retried chunk is sent again to every recipient of the chunk, and failed recipients come back without a reason.
    /// </summary>
    Batch = 0,

    /// <summary>
    /// One <c>/msg/send_msg</c> per recipient ("tracked delivery"): each recipient gets its own outcome and error code,
    /// and a retry can only duplicate the message for one recipient.
    /// </summary>
    PerRecipient = 1,
}
