using System.Globalization;
using System.Text.Json;

namespace Workflow.Engine.Values;

/// <summary>The JSON names of <see cref="DataType"/> values, as definitions spell them.</summary>
public static class DataTypes
{
    public static string Names { get; } = string.Join(", ", Enum.GetValues<DataType>().Select(ToName));

    public static string ToName(DataType type) => type switch
    {
        DataType.String => "string",
        DataType.Text => "text",
        DataType.Integer => "integer",
        DataType.Number => "number",
        DataType.Boolean => "boolean",
        DataType.Date => "date",
        DataType.Array => "array",
        DataType.Object => "object",
        DataType.Documents => "documents",
        DataType.Findings => "findings",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string name, out DataType type)
    {
        foreach (var candidate in Enum.GetValues<DataType>())
        {
            if (ToName(candidate) == name)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>Whether a JSON value has the type, as definition inputs and campaign parameters are checked.</summary>
    public static bool Accepts(DataType type, JsonElement value) => type switch
    {
        DataType.String or DataType.Text => value.ValueKind == JsonValueKind.String,
        DataType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        DataType.Number => value.ValueKind == JsonValueKind.Number,
        DataType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        DataType.Date => value.ValueKind == JsonValueKind.String
                         && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        DataType.Array or DataType.Documents or DataType.Findings => value.ValueKind == JsonValueKind.Array,
        DataType.Object => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };
}
