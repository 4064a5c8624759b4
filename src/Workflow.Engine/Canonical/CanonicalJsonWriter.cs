using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Workflow.Engine.Canonical;

/// <summary>
/// Walks a <see cref="JsonElement"/> and writes its JCS form. Works on the raw UTF-8 of the
/// document (<see cref="JsonMarshal"/>) so that names and strings are never turned into .NET
/// strings on the way.
/// </summary>
internal static class CanonicalJsonWriter
{
    public static void WriteValue(JsonElement value, ref CanonicalOutput output, IReadOnlySet<string>? ignoredProperties)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(value, ref output, ignoredProperties);
                break;
            case JsonValueKind.Array:
                WriteArray(value, ref output);
                break;
            case JsonValueKind.String:
                ReadOnlySpan<byte> quoted = JsonMarshal.GetRawUtf8Value(value);
                JsonStringCanonicalizer.WriteString(quoted[1..^1], ref output);
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(value), ref output);
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new ArgumentException("An undefined JsonElement (default value) cannot be canonicalized.", nameof(value));
        }
    }

    private static void WriteArray(JsonElement array, ref CanonicalOutput output)
    {
        // JsonDocument's depth limit can be raised by the caller; fail cleanly rather than crash.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        output.WriteByte((byte)'[');
        bool first = true;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (!first)
            {
                output.WriteByte((byte)',');
            }

            first = false;
            WriteValue(item, ref output, null);
        }

        output.WriteByte((byte)']');
    }

    private static void WriteObject(JsonElement obj, ref CanonicalOutput output, IReadOnlySet<string>? ignoredProperties)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        int count = obj.GetPropertyCount();
        if (count == 0)
        {
            output.Write("{}"u8);
            return;
        }

        MemberName[] rented = ArrayPool<MemberName>.Shared.Rent(count);
        try
        {
            Span<MemberName> members = rented.AsSpan(0, count);
            int n = 0;
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                members[n++] = MemberName.From(property);
            }

            if (count > 1)
            {
                members.Sort(MemberNameComparer.ByName);
                // Sorted, so equal names are neighbours. Checked before filtering: a duplicated
                // ignored name is still a malformed document.
                for (int i = 1; i < count; i++)
                {
                    if (members[i - 1].Utf8.SequenceEqual(members[i].Utf8))
                    {
                        throw new ArgumentException(
                            $"Duplicate property name \"{Encoding.UTF8.GetString(members[i].Utf8)}\": JCS requires unique names.", "value");
                    }
                }
            }

            WriteMembers(members, ref output, ignoredProperties);
        }
        finally
        {
            // Cleared because the entries reference the caller's JsonDocument.
            ArrayPool<MemberName>.Shared.Return(rented, clearArray: true);
        }
    }

    private static void WriteMembers(ReadOnlySpan<MemberName> members, ref CanonicalOutput output, IReadOnlySet<string>? ignoredProperties)
    {
        bool filter = ignoredProperties is { Count: > 0 };
        output.WriteByte((byte)'{');
        bool first = true;
        foreach (ref readonly MemberName member in members)
        {
            ReadOnlySpan<byte> name = member.Utf8;
            if (filter && ignoredProperties!.Contains(Encoding.UTF8.GetString(name)))
            {
                continue;
            }

            if (!first)
            {
                output.WriteByte((byte)',');
            }

            first = false;
            JsonStringCanonicalizer.WriteUnescaped(name, ref output);
            output.WriteByte((byte)':');
            WriteValue(member.Property.Value, ref output, null);
        }

        output.WriteByte((byte)'}');
    }

    private static void WriteNumber(ReadOnlySpan<byte> raw, ref CanonicalOutput output)
    {
        // The common case, a small integer literal, is already canonical: JSON forbids leading
        // zeros and 15 digits stay below 2^53. "-0" is the one exception (it must become "0").
        if (IsShortIntegerLiteral(raw))
        {
            output.Write(raw);
            return;
        }

        // JCS: numbers are IEEE-754 doubles, so anything longer is parsed (and rounded) as one.
        double number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw new ArgumentException(
                $"The number {Encoding.UTF8.GetString(raw)} is outside the IEEE-754 double range and has no JCS form.", "value");
        }

        Span<byte> destination = output.GetSpan(EcmaScriptNumberFormatter.MaxLength);
        output.Advance(EcmaScriptNumberFormatter.Format(number, destination));
    }

    private static bool IsShortIntegerLiteral(ReadOnlySpan<byte> raw)
    {
        ReadOnlySpan<byte> digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        if (digits.IsEmpty || digits.Length > 15 || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        return !(digits.Length == 1 && digits[0] == (byte)'0' && raw.Length == 2);
    }
}
