namespace Gateway.TencentIm.Internal;

/// <summary>The REST API domains per data centre (reference §2).</summary>
internal static class TencentImDomains
{
    public static string? Primary(TencentImRegion region) => region switch
    {
        TencentImRegion.China => "console.tim.qq.com",
        TencentImRegion.Singapore => "adminapisgp.im.qcloud.com",
        TencentImRegion.Seoul => "adminapikr.im.qcloud.com",
        TencentImRegion.Tokyo => "adminapijpn.im.qcloud.com",
        TencentImRegion.Frankfurt => "adminapiger.im.qcloud.com",
        TencentImRegion.SiliconValley => "adminapiusa.im.qcloud.com",
        TencentImRegion.Jakarta => "adminapiidn.im.qcloud.com",
        TencentImRegion.Mumbai => "adminapiind.im.qcloud.com",
        _ => null,
    };

    public static string? Backup(TencentImRegion region) => region switch
    {
        TencentImRegion.China => "adminapi.my-imcloud.com",
        TencentImRegion.Singapore => "adminapisgp.my-imcloud.com",
        TencentImRegion.Seoul => "adminapikr.my-imcloud.com",
        TencentImRegion.Frankfurt => "adminapiger.my-imcloud.com",
        TencentImRegion.SiliconValley => "adminapiusa.my-imcloud.com",
        TencentImRegion.Jakarta => "adminapiidn.my-imcloud.com",
        TencentImRegion.Mumbai => "adminapiind.my-imcloud.com",
        _ => null,
    };

    /// <summary>Gets the base address requests are relative to (always ending in a slash): <c>BaseUrl</c> when set, else the region's domain.</summary>
    public static Uri BaseAddress(TencentImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is { } custom)
        {
            var text = custom.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return new Uri(text.EndsWith('/') ? text : text + "/");
        }

        var region = options.Region ?? throw new InvalidOperationException("Region or BaseUrl is required.");
        var host = (options.UseBackupDomain ? Backup(region) : Primary(region))
            ?? throw new InvalidOperationException($"Region {region} has no {(options.UseBackupDomain ? "backup " : string.Empty)}domain.");
        return new Uri("https://" + host + "/");
    }
}
