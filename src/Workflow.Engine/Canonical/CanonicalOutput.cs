using System.Buffers;

namespace Workflow.Engine.Canonical;

/// <summary>
/// Holds the current span of an <see cref="IBufferWriter{T}"/> so that the many small writes of
/// a canonical document cost a bounds check each, not a GetSpan/Advance pair each.
/// </summary>
internal ref struct CanonicalOutput
{
    // Asking for at least this much at a time keeps GetSpan calls rare for small writes.
    private const int MinimumChunk = 256;

    private readonly IBufferWriter<byte> _writer;
    private Span<byte> _span;
    private int _used;

    public CanonicalOutput(IBufferWriter<byte> writer)
    {
        _writer = writer;
        _span = default;
        _used = 0;
    }

    public void WriteByte(byte value)
    {
        if (_used == _span.Length)
        {
            Renew(1);
        }

        _span[_used++] = value;
    }

    public void Write(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= _span.Length - _used)
        {
            bytes.CopyTo(_span[_used..]);
            _used += bytes.Length;
            return;
        }

        // Long strings go out in pieces rather than forcing the writer to find one huge block.
        while (!bytes.IsEmpty)
        {
            if (_used == _span.Length)
            {
                Renew(bytes.Length);
            }

            int n = Math.Min(bytes.Length, _span.Length - _used);
            bytes[..n].CopyTo(_span[_used..]);
            _used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>A contiguous span of at least <paramref name="size"/> bytes; follow with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_span.Length - _used < size)
        {
            Renew(size);
        }

        return _span[_used..];
    }

    public void Advance(int count) => _used += count;

    /// <summary>Commits what has been written to the underlying writer.</summary>
    public void Flush()
    {
        if (_used > 0)
        {
            _writer.Advance(_used);
        }

        _span = default;
        _used = 0;
    }

    private void Renew(int size)
    {
        Flush();
        _span = _writer.GetSpan(Math.Max(size, MinimumChunk));
        if (_span.Length < size)
        {
            throw new InvalidOperationException("The output buffer writer returned less space than requested.");
        }
    }
}
