using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflow.Storage;

/// <summary>Stores times as UTC truncated to microseconds (what every provider keeps), and reads them back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => UtcTime.Truncate(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>Time as the storage keeps it.</summary>
public static class UtcTime
{
    /// <summary>UTC, truncated to whole microseconds, so a stored and hashed time reads back equal.</summary>
    public static DateTime Truncate(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static DateTime Truncate(DateTimeOffset value) => Truncate(value.UtcDateTime);

    /// <summary>ISO 8601 with exactly six fractional digits, as times are hashed.</summary>
    public static string Format(DateTime value) => Truncate(value).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
