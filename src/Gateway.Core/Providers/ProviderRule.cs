using Gateway.Core.Contracts;

namespace Gateway.Core.Providers;

/// <summary>
/// A rule of one provider that the declarative <see cref="ProviderCapabilities"/> cannot express (for example a body
/// budget that depends on the serialized wire format). It adds one <see cref="GatewayErrorDetail"/> per broken rule,
/// naming the field; it adds nothing when the item fits. It runs with the capability check, before any network call.
/// </summary>
/// <typeparam name="T">The validated item: <see cref="Messages.OutboundMessage"/> or <see cref="Messages.OutboundRevoke"/>.</typeparam>
/// <param name="item">The item to check.</param>
/// <param name="errors">Where broken rules are added.</param>
public delegate void ProviderRule<in T>(T item, ICollection<GatewayErrorDetail> errors);
