namespace Workflow.Engine.Canonical;

/// <summary>
/// Orders member names as RFC 8785 §3.2.3 requires, by UTF-16 code units, while comparing their
/// UTF-8 bytes directly.
/// </summary>
/// <remarks>
/// UTF-8 byte order is code point order, and that agrees with UTF-16 order except in one place:
/// a code point above U+FFFF is a surrogate pair in UTF-16 (D800-DBFF first) and so sorts
/// before U+E000..U+FFFF, while in UTF-8 its lead byte (F0-F4) sorts after theirs (EE, EF).
/// The first differing byte of two valid UTF-8 strings sits at the same place in a code point
/// of both, so only that byte pair needs the correction.
/// </remarks>
internal static class MemberNameComparer
{
    // A cached delegate: Span.Sort with a struct comparer would box it and allocate a delegate per call.
    public static readonly Comparison<MemberName> ByName = (x, y) => CompareUtf8AsUtf16(x.Utf8, y.Utf8);

    public static int CompareUtf8AsUtf16(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        int i = x.CommonPrefixLength(y);
        if (i == x.Length || i == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        byte a = x[i];
        byte b = y[i];
        if (a >= 0xF0 && b is 0xEE or 0xEF)
        {
            return -1;
        }

        if (b >= 0xF0 && a is 0xEE or 0xEF)
        {
            return 1;
        }

        return a.CompareTo(b);
    }
}
