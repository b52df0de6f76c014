using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Serialization;
using Gateway.OpenIm;
using Gateway.Testing;
using OpenImJson = Gateway.OpenIm.Serialization.OpenImJsonContext;
using OpenImMapper = Gateway.OpenIm.Mapping.OpenImMessageMapper;
using TencentJson = Gateway.TencentIm.Serialization.TencentImJsonContext;
using TencentMapper = Gateway.TencentIm.Mapping.TencentImMessageMapper;

namespace Gateway.Benchmarks;

/// <summary>Per-message translation cost: the validated model to each provider's request bytes, and reading a command.</summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private static readonly byte[] TextCommand = Encoding.UTF8.GetBytes("""{"messageId":"order-1001-shipped","to":["user-42"],"content":{"type":"text","text":{"text":"Your order 1001 has shipped."}}}""");
    private readonly OpenImOptions _openIm = new() { BaseUrl = new Uri("http://openim:10002"), Secret = "s" };
    private readonly OutboundMessage _text = Samples.Outbound(Samples.TextContent(), "user-42");
    private readonly OutboundMessage _image = Samples.Outbound(Samples.Image(), "user-42");

    [Benchmark]
    public byte[] OpenIm_Text() =>
        JsonSerializer.SerializeToUtf8Bytes(OpenImMapper.ToSendMsg(_text, _openIm, "user-42"), OpenImJson.Default.SendMsgRequest);

    [Benchmark]
    public byte[] OpenIm_Image() =>
        JsonSerializer.SerializeToUtf8Bytes(OpenImMapper.ToSendMsg(_image, _openIm, "user-42"), OpenImJson.Default.SendMsgRequest);

    [Benchmark]
    public byte[] Tencent_Text() =>
        JsonSerializer.SerializeToUtf8Bytes(TencentMapper.ToSendMsg(_text, "user-42", TencentMapper.ToMsgBody(_text.Content)), TencentJson.Default.SendMsgRequest);

    [Benchmark]
    public byte[] Tencent_Image() =>
        JsonSerializer.SerializeToUtf8Bytes(TencentMapper.ToSendMsg(_image, "user-42", TencentMapper.ToMsgBody(_image.Content)), TencentJson.Default.SendMsgRequest);

    [Benchmark]
    public SendMessage? Contract_ReadCommand() => JsonSerializer.Deserialize<SendMessage>(TextCommand, GatewayJson.Options);
}
