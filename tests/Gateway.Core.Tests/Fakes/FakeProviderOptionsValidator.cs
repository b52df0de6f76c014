using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Fakes;

/// <summary>The source-generated attribute rules of <see cref="FakeProviderOptions"/>, as an adapter writes them.</summary>
[OptionsValidator]
internal sealed partial class FakeProviderOptionsValidator : IValidateOptions<FakeProviderOptions>;
