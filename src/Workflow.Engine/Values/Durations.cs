using System.Globalization;
using System.Xml;

namespace Workflow.Engine.Values;

/// <summary>
/// Durations as definitions write them: .NET's constant form ("1.00:00:00", as Elsa's Delay
/// stores a TimeSpan) or ISO 8601 ("P1D", "PT2H30M"). Never negative.
/// </summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || trimmed.StartsWith("-P", StringComparison.Ordinal))
        {
            try { duration = XmlConvert.ToTimeSpan(trimmed); }
            catch (FormatException) { return false; }
        }
        else if (!TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out duration)) return false;
        return duration >= TimeSpan.Zero;
    }

    /// <summary>An instant as a definition writes it: ISO 8601 with an offset, or a date (midnight UTC at its start).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
