using System.Text.Json.Nodes;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// How the API and the schemas spell engine values. Enum names are spelled out rather than
/// derived from <c>ToString()</c> so that renaming a C# member never changes the wire format.
/// </summary>
internal static class JsonNames
{
    public static string Of(DataType type) => DataTypes.ToName(type);

    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.Task => "task",
        ActivityKind.Automatic => "automatic",
        ActivityKind.Start => "start",
        ActivityKind.End => "end",
        _ => "unknown",
    };

    /// <summary>Texts by culture as a plain object: <c>{"en": "...", "zh-CN": "..."}</c>.</summary>
    public static JsonObject Of(LocalizedText text)
    {
        var json = new JsonObject();
        foreach (var (culture, value) in text.Texts) json[culture] = value;
        return json;
    }
}
