using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflow.Api.Errors;

/// <summary>
/// Where a request body stops being JSON and what belonged there, found by reading the buffered body again
/// with <see cref="Utf8JsonReader"/> under the serializer's own reader options. The reader's error gives the
/// line and byte; the tokens read before it say what was expected (a name, a value, a separator, the end).
/// </summary>
internal static class JsonSyntaxProblem
{
    /// <summary>What the body lacked at the place it broke; each kind has its own wording in <see cref="Messages"/>.</summary>
    public enum Kind { End, Trailing, Name, Colon, Value, SeparatorInObject, SeparatorInArray }

    public sealed record Found(Kind Kind, long Line, long Position, string Text);

    /// <summary>The first syntax error of <paramref name="json"/>, or null when it is well-formed JSON.</summary>
    public static Found? Find(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        var containers = new Stack<JsonTokenType>();
        var last = JsonTokenType.None;
        long lastEnd = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) containers.Push(reader.TokenType);
                else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) containers.Pop();
                last = reader.TokenType;
                lastEnd = reader.BytesConsumed;
            }
            return null;
        }
        catch (JsonException broken)
        {
            var line = broken.LineNumber ?? 0;
            var inLine = broken.BytePositionInLine ?? 0;
            var offset = Math.Min(OffsetOf(json, line, inLine), json.Length);
            // The reader stops inside a bad word (at the 'e' missing from "tru}"); a person looks for the word's start.
            var start = offset;
            while (start > lastEnd && start - 1 < json.Length && IsWord(json[start - 1])) start--;
            var kind = KindAt(json, start, last, lastEnd, containers.Count == 0 ? (JsonTokenType?)null : containers.Peek());
            return new Found(kind, line + 1, inLine - (offset - start) + 1, kind == Kind.End ? "" : TextAt(json, start));
        }
    }

    private static Kind KindAt(ReadOnlySpan<byte> json, int offset, JsonTokenType last, long lastEnd, JsonTokenType? container)
    {
        if (json[offset..].TrimStart(" \t\r\n"u8).IsEmpty) return Kind.End;
        if (container is null) return last == JsonTokenType.None ? Kind.Value : Kind.Trailing;
        var before = offset - 1;
        while (before >= 0 && json[before] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') before--;
        var previous = before >= 0 ? json[before] : (byte)0;
        var inObject = container == JsonTokenType.StartObject;
        // Broken right after the last whole token: what follows that token is what was missing.
        if (before + 1 == lastEnd)
            return last switch
            {
                JsonTokenType.StartObject => Kind.Name,
                JsonTokenType.StartArray or JsonTokenType.PropertyName => Kind.Value,
                _ => inObject ? Kind.SeparatorInObject : Kind.SeparatorInArray,
            };
        return previous switch
        {
            (byte)',' => inObject && last != JsonTokenType.PropertyName ? Kind.Name : Kind.Value,
            (byte)'{' => Kind.Name,
            (byte)':' or (byte)'[' => Kind.Value,
            // A quoted name that no colon follows.
            (byte)'"' when inObject && last != JsonTokenType.PropertyName => Kind.Colon,
            _ => Kind.Value,
        };
    }

    /// <summary>The byte offset of a 0-based line and byte in it; the reader counts lines by '\n'.</summary>
    private static int OffsetOf(ReadOnlySpan<byte> json, long line, long inLine)
    {
        var start = 0;
        for (long l = 0; l < line; l++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            if (next < 0) return json.Length;
            start += next + 1;
        }
        return (int)Math.Min(start + inLine, json.Length);
    }

    /// <summary>What stands at the place, as a person would look for it: the word there, or the character (control characters as U+XXXX).</summary>
    private static bool IsWord(byte b) => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"') && b >= 0x20;

    private static string TextAt(ReadOnlySpan<byte> json, int offset)
    {
        static bool Word(byte b) => IsWord(b) || b == (byte)'"';
        var first = json[offset];
        if (first < 0x20) return $"U+{first:X4}";
        if (!Word(first)) return $"'{(char)first}'";
        var start = offset;
        while (start > 0 && offset - start < 20 && Word(json[start - 1])) start--;
        var end = offset;
        while (end < json.Length && end - start < 40 && Word(json[end])) end++;
        var text = Encoding.UTF8.GetString(json[start..end]);
        return string.Create(CultureInfo.InvariantCulture, $"'{text}{(end < json.Length && Word(json[end]) ? "…" : "")}'");
    }
}
