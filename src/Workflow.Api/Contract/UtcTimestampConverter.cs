using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Api.Contract;

/// <summary>
/// One timestamp format across the API: RFC 3339 in UTC with <c>Z</c>, as every DateTime is already
/// written. A DateTimeOffset would otherwise carry its offset (<c>+00:00</c>, or a server's zone).
/// Reading accepts any RFC 3339 offset.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
