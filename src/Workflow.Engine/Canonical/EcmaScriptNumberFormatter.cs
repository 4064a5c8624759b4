using System.Globalization;

namespace Workflow.Engine.Canonical;

/// <summary>
/// Writes a double as ECMAScript's Number::toString does (RFC 8785 §3.2.2.3). .NET's "R" format
/// already yields the shortest round-trip digits; this only moves them into ECMAScript's layout
/// (plain up to 21 integer digits, "0.000001" down to 1e-6, otherwise "d.ddde±x").
/// </summary>
internal static class EcmaScriptNumberFormatter
{
    /// <summary>Enough for any finite double: at most 17 digits, "-0.00000" or "e-324" around them.</summary>
    public const int MaxLength = 32;

    // Below 2^53 every integer is a double and its own shortest form, so it can be written as a long.
    private const double ExactIntegerLimit = 9007199254740992d;

    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and Infinity have no JSON form.", nameof(value));
        }

        if (value == 0)
        {
            destination[0] = (byte)'0'; // also for -0, as ECMAScript does
            return 1;
        }

        if (Math.Abs(value) < ExactIntegerLimit && value == Math.Truncate(value))
        {
            ((long)value).TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        Span<byte> roundTrip = stackalloc byte[MaxLength];
        value.TryFormat(roundTrip, out int length, "R", CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[MaxLength];
        int count = ReadDigits(roundTrip[..length], digits, out int pointPosition);
        return Layout(value < 0, digits[..count], pointPosition, destination);
    }

    /// <summary>
    /// Reads .NET's round-trip text ("-1.2345E+20", "0.0001", "5E-324") into significant digits
    /// without leading or trailing zeros, and n, the position of the decimal point relative to
    /// the first digit (value = 0.d1d2...dk × 10^n, as in ECMA-262 Number::toString).
    /// </summary>
    private static int ReadDigits(ReadOnlySpan<byte> text, Span<byte> digits, out int pointPosition)
    {
        int count = 0;
        int point = -1;
        int exponent = 0;
        for (int i = text[0] == (byte)'-' ? 1 : 0; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                point = count;
            }
            else if (c is (byte)'E' or (byte)'e')
            {
                exponent = int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[count++] = c;
            }
        }

        pointPosition = (point < 0 ? count : point) + exponent;
        int first = 0;
        while (digits[first] == (byte)'0')
        {
            first++;
            pointPosition--;
        }

        int end = count;
        while (digits[end - 1] == (byte)'0')
        {
            end--;
        }

        digits[first..end].CopyTo(digits);
        return end - first;
    }

    /// <summary>ECMA-262 Number::toString, steps for k digits and point position n.</summary>
    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        int k = digits.Length;
        int w = 0;
        if (negative)
        {
            destination[w++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            // Integer: the digits, then n-k zeros.
            digits.CopyTo(destination[w..]);
            w += k;
            destination.Slice(w, n - k).Fill((byte)'0');
            return w + n - k;
        }

        if (0 < n && n <= 21)
        {
            // Point inside the digits.
            digits[..n].CopyTo(destination[w..]);
            w += n;
            destination[w++] = (byte)'.';
            digits[n..].CopyTo(destination[w..]);
            return w + k - n;
        }

        if (-6 < n && n <= 0)
        {
            // Small fraction: "0." and -n zeros before the digits.
            destination[w++] = (byte)'0';
            destination[w++] = (byte)'.';
            destination.Slice(w, -n).Fill((byte)'0');
            w += -n;
            digits.CopyTo(destination[w..]);
            return w + k;
        }

        // Exponential: d[.ddd]e±x with x = n-1.
        destination[w++] = digits[0];
        if (k > 1)
        {
            destination[w++] = (byte)'.';
            digits[1..].CopyTo(destination[w..]);
            w += k - 1;
        }

        destination[w++] = (byte)'e';
        int exponent = n - 1;
        destination[w++] = exponent < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(exponent).TryFormat(destination[w..], out int written, default, CultureInfo.InvariantCulture);
        return w + written;
    }
}
