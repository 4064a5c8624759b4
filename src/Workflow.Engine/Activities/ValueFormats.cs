using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Workflow.Engine.Activities;

/// <summary>
/// The formats of result values, shared by the checker and the JSON Schema so that both accept
/// exactly the same dates, hashes and finding kinds.
/// </summary>
internal static class ValueFormats
{
    /// <summary>YYYY-MM-DD; the schema adds <c>format: date</c>, which validators may only annotate.</summary>
    public const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    public const string Sha256Pattern = "^[0-9a-fA-F]{64}$";

    /// <summary>The properties of a document, in the order a stored result lists them.</summary>
    public static readonly ImmutableArray<string> DocumentProperties = ["uri", "sha256", "title"];

    /// <summary>The properties of a finding, in the order a stored result lists them.</summary>
    public static readonly ImmutableArray<string> FindingProperties = ["title", "kind", "office", "owner", "deadline", "detail"];

    public static readonly ImmutableArray<string> FindingKinds = ["opinion", "problem", "suggestion"];

    private static readonly FrozenSet<string> FindingKindSet = FindingKinds.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsFindingKind(string? kind) => kind is not null && FindingKindSet.Contains(kind);

    /// <summary>Whether the text has the shape YYYY-MM-DD (digits and dashes only, no time, no zone).</summary>
    public static bool IsDateShaped(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        for (var i = 0; i < text.Length; i++)
            if (i != 4 && i != 7 && !char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    /// <summary>Whether a date-shaped text names a day that exists (not 2023-02-30, not year 0).</summary>
    public static bool IsCalendarDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsSha256(string text)
    {
        if (text.Length != 64) return false;
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
