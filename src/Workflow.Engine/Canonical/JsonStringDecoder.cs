using System.Text;
using System.Text.Unicode;

namespace Workflow.Engine.Canonical;

/// <summary>
/// Turns the raw, still escaped, body of a JSON string into UTF-8, refusing what is not
/// Unicode: lone surrogates written as escapes, and invalid UTF-8 (which JsonDocument lets
/// through unchecked).
/// </summary>
internal static class JsonStringDecoder
{
    /// <summary>
    /// The decoded UTF-8 of a raw string body, or null when it has no escapes (the raw bytes
    /// are then the value). Either way the result is checked to be valid Unicode.
    /// </summary>
    public static byte[]? DecodeIfEscaped(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            EnsureValidUtf8(raw);
            return null;
        }

        byte[] decoded = new byte[raw.Length];
        int length = Decode(raw, decoded);
        return decoded.AsSpan(0, length).ToArray();
    }

    /// <summary>Resolves the escapes of a raw string body into <paramref name="destination"/>.</summary>
    public static int Decode(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        int written = 0;
        int next;
        while ((next = raw.IndexOf((byte)'\\')) >= 0)
        {
            // Literal runs are checked here; decoded escapes are checked as they are decoded.
            ReadOnlySpan<byte> literal = raw[..next];
            EnsureValidUtf8(literal);
            literal.CopyTo(destination[written..]);
            written += literal.Length;
            raw = raw[next..];
            if (raw.Length < 2)
            {
                throw Malformed();
            }

            byte kind = raw[1];
            if (kind == (byte)'u')
            {
                written += DecodeUnicodeEscape(ref raw, destination[written..]);
                continue;
            }

            destination[written++] = kind switch
            {
                (byte)'"' or (byte)'\\' or (byte)'/' => kind,
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => throw Malformed(),
            };
            raw = raw[2..];
        }

        EnsureValidUtf8(raw);
        raw.CopyTo(destination[written..]);
        return written + raw.Length;
    }

    /// <summary>Decodes <c>\uXXXX</c> (or a <c>\uXXXX\uXXXX</c> surrogate pair) at the start of <paramref name="raw"/>.</summary>
    private static int DecodeUnicodeEscape(ref ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        int unit = ReadHex4(raw);
        raw = raw[6..];
        int codePoint = unit;
        if (char.IsHighSurrogate((char)unit))
        {
            // A high surrogate is only Unicode when an escaped low surrogate follows at once.
            int low = raw.Length >= 6 && raw[0] == (byte)'\\' && raw[1] == (byte)'u' ? ReadHex4(raw) : -1;
            if (low < 0 || !char.IsLowSurrogate((char)low))
            {
                throw LoneSurrogate(unit);
            }

            codePoint = char.ConvertToUtf32((char)unit, (char)low);
            raw = raw[6..];
        }
        else if (char.IsLowSurrogate((char)unit))
        {
            throw LoneSurrogate(unit);
        }

        return new Rune(codePoint).EncodeToUtf8(destination);
    }

    private static int ReadHex4(ReadOnlySpan<byte> escape)
    {
        if (escape.Length < 6)
        {
            throw Malformed();
        }

        int value = 0;
        foreach (byte c in escape.Slice(2, 4))
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => throw Malformed(),
            };
            value = (value << 4) | digit;
        }

        return value;
    }

    public static void EnsureValidUtf8(ReadOnlySpan<byte> text)
    {
        if (!Utf8.IsValid(text))
        {
            throw new ArgumentException("A string contains invalid UTF-8 (or an encoded surrogate); JCS requires valid Unicode.", "value");
        }
    }

    private static ArgumentException LoneSurrogate(int unit) =>
        new($"A string contains the lone surrogate \\u{unit:x4}; JCS requires valid Unicode.", "value");

    private static ArgumentException Malformed() =>
        new("A string contains a malformed escape sequence.", "value");
}
