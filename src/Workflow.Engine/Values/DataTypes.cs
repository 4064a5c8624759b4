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
}
