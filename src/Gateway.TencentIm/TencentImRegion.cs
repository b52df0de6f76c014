namespace Gateway.TencentIm;

/// <summary>The data centre of a Tencent Cloud IM app; it selects the REST API domain (a wrong one gives 70016/70020).</summary>
public enum TencentImRegion
{
    /// <summary>Chinese mainland: <c>console.tim.qq.com</c> (backup <c>adminapi.my-imcloud.com</c>).</summary>
    China = 1,

    /// <summary>Singapore: <c>adminapisgp.im.qcloud.com</c> (backup <c>adminapisgp.my-imcloud.com</c>).</summary>
    Singapore,

    /// <summary>Seoul: <c>adminapikr.im.qcloud.com</c> (backup <c>adminapikr.my-imcloud.com</c>).</summary>
    Seoul,

    /// <summary>Tokyo: <c>adminapijpn.im.qcloud.com</c> (no backup domain is published).</summary>
    Tokyo,

    /// <summary>Frankfurt: <c>adminapiger.im.qcloud.com</c> (backup <c>adminapiger.my-imcloud.com</c>).</summary>
    Frankfurt,

    /// <summary>Silicon Valley: <c>adminapiusa.im.qcloud.com</c> (backup <c>adminapiusa.my-imcloud.com</c>).</summary>
    SiliconValley,

    /// <summary>Jakarta: <c>adminapiidn.im.qcloud.com</c> (backup <c>adminapiidn.my-imcloud.com</c>).</summary>
    Jakarta,

    /// <summary>Mumbai: <c>adminapiind.im.qcloud.com</c> (backup <c>adminapiind.my-imcloud.com</c>); legacy, gone from Tencent's newest pages.</summary>
    Mumbai,
}
