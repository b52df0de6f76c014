namespace Gateway.Reliability.FakeProvider;

/// <summary>The wire names of <see cref="FaultMode"/> (kebab-case).</summary>
internal static class FaultModes
{
    private static readonly Dictionary<string, FaultMode> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["normal"] = FaultMode.Normal,
        ["http503"] = FaultMode.Http503,
        ["errcode500"] = FaultMode.ErrCode500,
        ["hang"] = FaultMode.Hang,
        ["reset"] = FaultMode.Reset,
        ["late"] = FaultMode.Late,
        ["tokens-rejected"] = FaultMode.TokensRejected,
    };

    public static string Name(FaultMode mode) => ByName.First(p => p.Value == mode).Key;

    public static bool TryParse(string name, out FaultMode mode) => ByName.TryGetValue(name, out mode);
}
