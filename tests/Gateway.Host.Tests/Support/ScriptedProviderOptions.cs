namespace Gateway.Host.Tests.Support;

/// <summary>The options of the <c>Scripted</c> type: none, the instance only needs its <c>Type</c>.</summary>
internal sealed class ScriptedProviderOptions;
