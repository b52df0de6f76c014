using Polly;

namespace Gateway.Core.Http;

/// <summary>Adds the quota strategy to a provider pipeline.</summary>
public static class QuotaPipelineBuilderExtensions
{
    /// <summary>Adds a strategy that waits for every permit an attempt costs (see <see cref="QuotaStrategyOptions"/>).</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The builder.</returns>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddQuotas(this ResiliencePipelineBuilder<HttpResponseMessage> builder, QuotaStrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.AddStrategy(_ => new QuotaStrategy(options), options);
    }
}
