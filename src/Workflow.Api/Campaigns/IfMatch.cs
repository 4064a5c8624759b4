using System.Globalization;

namespace Workflow.Api.Campaigns;

/// <summary>
/// An If-Match precondition as RFC 9110 §13.1.1 defines it: <c>*</c> or a list of entity tags, met when
/// the current version's ETag is one of them by strong comparison. Our ETags are quoted versions
/// (<c>"7"</c>), so a weak tag (<c>W/"7"</c>) or any other opaque tag is well-formed but never matches (412),
/// while a header that is not entity tags at all is refused (400).
/// </summary>
public sealed record IfMatch(IReadOnlySet<long> Versions, string Shown)
{
    /// <summary>Whether a resource at <paramref name="version"/> meets the condition.</summary>
    public bool Matches(long version) => Versions.Contains(version);

    /// <summary>Reads the request's If-Match: null when absent or <c>*</c> (the resource's existence is checked anyway); false when malformed.</summary>
    public static bool TryRead(HttpContext context, out IfMatch? condition) =>
        TryParse(string.Join(", ", context.Request.Headers.IfMatch.Where(v => v is not null)), out condition);

    public static bool TryParse(string header, out IfMatch? condition)
    {
        condition = null;
        var text = header.Trim();
        if (text.Length == 0 || text == "*") return true;
        var versions = new HashSet<long>();
        var tags = 0;
        var i = 0;
        while (i < text.Length)
        {
            // Elements are separated by commas with optional white space (empty elements are allowed by the list rule).
            while (i < text.Length && (text[i] is ',' or ' ' or '\t')) i++;
            if (i == text.Length) break;
            var weak = string.CompareOrdinal(text, i, "W/", 0, 2) == 0;
            if (weak) i += 2;
            if (i >= text.Length || text[i] != '"') return false;
            var end = i + 1;
            while (end < text.Length && text[end] != '"')
            {
                // etagc: %x21 / %x23-7E / obs-text (no space, no control characters, no quote)
                if (text[end] is < '!' or '\u007f') return false;
                end++;
            }
            if (end == text.Length) return false;
            var opaque = text.AsSpan(i + 1, end - i - 1);
            tags++;
            if (!weak && long.TryParse(opaque, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) versions.Add(version);
            i = end + 1;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i < text.Length && text[i] != ',') return false;
        }
        if (tags == 0) return false;
        // In messages: the version when one strong tag was sent (as before), otherwise the header as sent.
        var shown = tags == 1 && versions.Count == 1 ? versions.First().ToString(CultureInfo.InvariantCulture) : text;
        condition = new IfMatch(versions, shown);
        return true;
    }
}
