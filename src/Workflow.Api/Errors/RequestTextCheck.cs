using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Workflow.Api.Errors;

/// <summary>
/// Refuses a JSON body whose text no database keeps alike: bytes that are not UTF-8, a NUL (U+0000,
/// which PostgreSQL text cannot hold and SQLite stores), or a lone surrogate (which has no UTF-8 form
/// and no canonical JSON for the ledger's hash). Checked once, before binding, for every endpoint, so
/// each answers the same 400 on every database and nothing is written.
/// </summary>
internal static class RequestTextCheck
{
    public static IApplicationBuilder UseRequestTextCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is 0 || request.ContentType is not { } type || !IsJson(type) || HttpMethods.IsGet(request.Method))
        {
            await next(context);
            return;
        }
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        request.Body.Position = 0;
        if (Problem(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } problem)
        {
            await ApiProblem.Create(context, 400, ProblemCodes.TextInvalid, ("path", problem.Path), ("character", problem.What)).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first string or member name with text that cannot be kept, by its JSON path; null when all is well (or the JSON is broken, which binding reports).</summary>
    internal static (string Path, string What)? Problem(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json)) return ("$", "invalid UTF-8");
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        // The open containers, as path segments (".name" or "[]"), and whether each is an array.
        var segments = new List<string>();
        var arrays = new List<bool>();
        string? member = null;
        string Here() => "$" + string.Concat(segments) + (member is not null ? "." + member : arrays.Count > 0 && arrays[^1] ? "[]" : "");
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (Text(ref reader, out var name) is { } badName) { member = name; return (Here(), badName); }
                        member = name;
                        break;
                    case JsonTokenType.String:
                        if (Text(ref reader, out _) is { } bad) return (Here(), bad);
                        member = null;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        segments.Add(member is not null ? "." + member : arrays.Count > 0 && arrays[^1] ? "[]" : "");
                        arrays.Add(reader.TokenType == JsonTokenType.StartArray);
                        member = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        segments.RemoveAt(segments.Count - 1);
                        arrays.RemoveAt(arrays.Count - 1);
                        break;
                    default:
                        member = null;
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The token's text, and what is wrong with it. The reader refuses to decode an escaped lone surrogate, so that one is found in the escapes.</summary>
    private static string? Text(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return What(text);
        }
        catch (InvalidOperationException)
        {
            var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            text = raw;
            return LoneSurrogateEscape(raw) ?? "invalid UTF-16";
        }
    }

    /// <summary>The first <c>\uD800</c>–<c>\uDFFF</c> escape not part of a high-low pair, as U+XXXX.</summary>
    private static string? LoneSurrogateEscape(string raw)
    {
        for (var i = raw.IndexOf("\\u", StringComparison.Ordinal); i >= 0 && i + 6 <= raw.Length; i = raw.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (!ushort.TryParse(raw.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var unit)) continue;
            var c = (char)unit;
            if (char.IsHighSurrogate(c) && i + 12 <= raw.Length && raw[i + 6] == '\\' && raw[i + 7] == 'u'
                && ushort.TryParse(raw.AsSpan(i + 8, 4), System.Globalization.NumberStyles.HexNumber, null, out var next) && char.IsLowSurrogate((char)next))
            {
                i += 6;
                continue;
            }
            if (char.IsSurrogate(c)) return $"U+{unit:X4}";
        }
        return null;
    }

    private static string? What(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "U+0000";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"U+{(int)c:X4}";
        }
        return null;
    }
}
