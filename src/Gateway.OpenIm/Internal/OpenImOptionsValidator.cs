using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Internal;

/// <summary>The attribute rules of <see cref="OpenImOptions"/> and its nested objects (source-generated).</summary>
[OptionsValidator]
internal sealed partial class OpenImOptionsValidator : IValidateOptions<OpenImOptions>;
