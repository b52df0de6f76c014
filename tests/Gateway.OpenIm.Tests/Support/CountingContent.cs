using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>
/// A JSON answer body that counts how often it is opened, refuses to be opened twice, and whose stream refuses to be
/// read on after its end (so a second reader of the cached stream fails too): proof that the answer is read once.
/// </summary>
internal sealed class CountingContent : HttpContent
{
    private readonly byte[] _body;
    private int _reads;

    public CountingContent(string json)
    {
        _body = Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    /// <summary>Gets how often the body was read.</summary>
    public int Reads => Volatile.Read(ref _reads);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Read().CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(Read());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    private ReadOnceStream Read() => Interlocked.Increment(ref _reads) == 1
        ? new ReadOnceStream(_body)
        : throw new InvalidOperationException("the answer body was opened a second time");

    private sealed class ReadOnceStream(byte[] body) : Stream
    {
        private int _position;
        private bool _ended;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => body.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_ended)
            {
                throw new InvalidOperationException("the answer body was read again after its end");
            }

            var read = Math.Min(buffer.Length, body.Length - _position);
            body.AsSpan(_position, read).CopyTo(buffer);
            _position += read;
            _ended = read == 0 && buffer.Length > 0;
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
