using System.Buffers;

namespace Workflow.Engine.Canonical;

/// <summary>
/// Strings as RFC 8785 §3.2.2.2 (ECMAScript <c>JSON.stringify</c>) writes them: only <c>"</c>,
/// <c>\</c> and U+0000..U+001F are escaped, everything else (including <c>/</c>, DEL, U+2028
/// and U+2029) is literal UTF-8. Input is the raw, still escaped, text between the quotes.
/// </summary>
internal static class JsonStringCanonicalizer
{
    // Decoding into the stack is enough for typical strings; longer ones rent.
    private const int StackLimit = 256;

    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\"u8);

    /// <summary>Writes the canonical, quoted form of a raw JSON string body.</summary>
    public static void WriteString(scoped ReadOnlySpan<byte> raw, ref CanonicalOutput output)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            // Without escapes the raw text is already canonical: JSON allows no bare control
            // characters or quotes inside a string. Only the UTF-8 itself needs checking, as
            // JsonDocument does not validate it.
            JsonStringDecoder.EnsureValidUtf8(raw);
            output.WriteByte((byte)'"');
            output.Write(raw);
            output.WriteByte((byte)'"');
            return;
        }

        // Decoding never grows the text: every escape is at least as long as what it stands for.
        byte[]? rented = null;
        Span<byte> decoded = raw.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            int length = JsonStringDecoder.Decode(raw, decoded);
            WriteUnescaped(decoded[..length], ref output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes already decoded, valid UTF-8 as a canonical, quoted JSON string.</summary>
    public static void WriteUnescaped(scoped ReadOnlySpan<byte> utf8, ref CanonicalOutput output)
    {
        output.WriteByte((byte)'"');
        int next;
        while ((next = utf8.IndexOfAny(NeedsEscape)) >= 0)
        {
            output.Write(utf8[..next]);
            WriteEscape(utf8[next], ref output);
            utf8 = utf8[(next + 1)..];
        }

        output.Write(utf8);
        output.WriteByte((byte)'"');
    }

    private static void WriteEscape(byte value, ref CanonicalOutput output)
    {
        ReadOnlySpan<byte> short2 = value switch
        {
            (byte)'"' => "\\\""u8,
            (byte)'\\' => "\\\\"u8,
            (byte)'\b' => "\\b"u8,
            (byte)'\t' => "\\t"u8,
            (byte)'\n' => "\\n"u8,
            (byte)'\f' => "\\f"u8,
            (byte)'\r' => "\\r"u8,
            _ => default,
        };
        if (!short2.IsEmpty)
        {
            output.Write(short2);
            return;
        }

        // Other control characters: \u00XX with lower-case hex, as ECMAScript writes them.
        Span<byte> escape = output.GetSpan(6);
        "\\u00"u8.CopyTo(escape);
        escape[4] = HexDigit(value >> 4);
        escape[5] = HexDigit(value & 0xF);
        output.Advance(6);
    }

    private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}
