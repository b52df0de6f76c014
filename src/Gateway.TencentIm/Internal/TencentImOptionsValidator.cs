using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Internal;

/// <summary>The attribute rules of <see cref="TencentImOptions"/> and its nested objects (source-generated).</summary>
[OptionsValidator]
internal sealed partial class TencentImOptionsValidator : IValidateOptions<TencentImOptions>;
