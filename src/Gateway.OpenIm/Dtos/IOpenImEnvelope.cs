namespace Gateway.OpenIm.Dtos;

/// <summary>The fields every OpenIM answer has, whatever its <c>data</c>: what the handlers and the error map decide on.</summary>
internal interface IOpenImEnvelope
{
    int? ErrCode { get; }

    string? ErrMsg { get; }

    string? ErrDlt { get; }
}
