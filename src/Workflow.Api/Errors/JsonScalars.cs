using System.Globalization;
using System.Text.Json;

namespace Workflow.Api.Errors;

/// <summary>The built-in .NET types a JSON scalar is read into, by the JSON a client has to send for each.</summary>
internal static class JsonScalars
{
    /// <summary>The range of an integer type, as text; null when the type is not an integer.</summary>
    public static (string Min, string Max)? Integer(Type type) => Type.GetTypeCode(type) switch
    {
        _ when type.IsEnum => null,
        TypeCode.Byte => R(byte.MinValue, byte.MaxValue),
        TypeCode.SByte => R(sbyte.MinValue, sbyte.MaxValue),
        TypeCode.Int16 => R(short.MinValue, short.MaxValue),
        TypeCode.UInt16 => R(ushort.MinValue, ushort.MaxValue),
        TypeCode.Int32 => R(int.MinValue, int.MaxValue),
        TypeCode.UInt32 => R(uint.MinValue, uint.MaxValue),
        TypeCode.Int64 => R(long.MinValue, long.MaxValue),
        TypeCode.UInt64 => R(ulong.MinValue, ulong.MaxValue),
        _ => null,
    };

    private static (string, string) R<T>(T min, T max) where T : IFormattable =>
        (min.ToString(null, CultureInfo.InvariantCulture), max.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Whether a JSON number is a whole number the type holds (the reader's own range checks).</summary>
    public static bool FitsInteger(ref Utf8JsonReader reader, Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Byte => reader.TryGetByte(out _),
        TypeCode.SByte => reader.TryGetSByte(out _),
        TypeCode.Int16 => reader.TryGetInt16(out _),
        TypeCode.UInt16 => reader.TryGetUInt16(out _),
        TypeCode.Int32 => reader.TryGetInt32(out _),
        TypeCode.UInt32 => reader.TryGetUInt32(out _),
        TypeCode.Int64 => reader.TryGetInt64(out _),
        _ => reader.TryGetUInt64(out _),
    };

    /// <summary>The same for a number sent as a string (allowed by the web defaults' AllowReadingFromString).</summary>
    public static bool FitsInteger(string text, Type type)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var culture = CultureInfo.InvariantCulture;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte => byte.TryParse(text, integer, culture, out _),
            TypeCode.SByte => sbyte.TryParse(text, integer, culture, out _),
            TypeCode.Int16 => short.TryParse(text, integer, culture, out _),
            TypeCode.UInt16 => ushort.TryParse(text, integer, culture, out _),
            TypeCode.Int32 => int.TryParse(text, integer, culture, out _),
            TypeCode.UInt32 => uint.TryParse(text, integer, culture, out _),
            TypeCode.Int64 => long.TryParse(text, integer, culture, out _),
            _ => ulong.TryParse(text, integer, culture, out _),
        };
    }

    public static bool IsFloat(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half);

    /// <summary>For a type read from a JSON string: its OpenAPI format, "" for free text; null for any other type.</summary>
    public static string? StringFormat(Type type) =>
        type == typeof(string) || type == typeof(char) ? ""
        : type == typeof(Guid) ? "uuid"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "date-time"
        : type == typeof(DateOnly) ? "date"
        : type == typeof(TimeOnly) ? "time"
        : type == typeof(Uri) ? "uri"
        : null;

    public static bool FitsFormat(ref Utf8JsonReader reader, Type type) =>
        type == typeof(Guid) ? reader.TryGetGuid(out _)
        : type == typeof(DateTimeOffset) ? reader.TryGetDateTimeOffset(out _)
        : type == typeof(DateTime) ? reader.TryGetDateTime(out _)
        : type == typeof(DateOnly) ? DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        : type == typeof(TimeOnly) ? TimeOnly.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out _)
        : type == typeof(Uri) ? Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out _)
        : type != typeof(char) || reader.GetString()!.Length == 1;

    public static string Example(string format) => format switch
    {
        "uuid" => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        "date-time" => "2026-11-25T08:00:00Z",
        "date" => "2026-11-25",
        "time" => "08:00:00",
        _ => "…",
    };
}
