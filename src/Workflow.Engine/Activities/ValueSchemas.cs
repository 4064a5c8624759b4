using System.Text.Json.Nodes;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// The JSON Schema of each value type, matching what <see cref="FieldValueChecker"/> accepts
/// (same date and hash patterns, same required item properties). Documents and findings are
/// added to <c>$defs</c> once and referenced, since several fields may share them.
/// </summary>
internal static class ValueSchemas
{
    /// <summary>Matches a string with something other than white space, as a required text must have.</summary>
    private const string NotBlank = "\\S";

    public static JsonObject For(DataType type, bool required, JsonObject definitions) => type switch
    {
        DataType.String or DataType.Text => String(required),
        DataType.Integer => new JsonObject { ["type"] = "integer" },
        DataType.Number => new JsonObject { ["type"] = "number" },
        DataType.Boolean => new JsonObject { ["type"] = "boolean" },
        DataType.Date => Date(),
        DataType.Object => new JsonObject { ["type"] = "object" },
        DataType.Documents => ArrayOf("document", Document, definitions),
        DataType.Findings => ArrayOf("finding", Finding, definitions),
        _ => new JsonObject { ["type"] = "array" },
    };

    private static JsonObject String(bool required) =>
        required ? new JsonObject { ["type"] = "string", ["minLength"] = 1, ["pattern"] = NotBlank } : new JsonObject { ["type"] = "string" };

    // "format" is only an annotation by default in 2020-12; the pattern makes the shape binding.
    private static JsonObject Date() => new() { ["type"] = "string", ["format"] = "date", ["pattern"] = ValueFormats.DatePattern };

    private static JsonObject ArrayOf(string name, Func<JsonObject> item, JsonObject definitions)
    {
        if (!definitions.ContainsKey(name)) definitions[name] = item();
        return new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = $"#/$defs/{name}" } };
    }

    private static JsonObject Document() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["uri"] = Titled(String(required: true), "Link", "链接"),
            ["sha256"] = Titled(new JsonObject { ["type"] = "string", ["pattern"] = ValueFormats.Sha256Pattern }, "SHA-256", "SHA-256 校验值"),
            ["title"] = Titled(String(required: false), "Title", "标题"),
        },
        ["required"] = new JsonArray("uri", "sha256"),
        ["additionalProperties"] = false,
    };

    private static JsonObject Finding() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["title"] = Titled(String(required: true), "Title", "问题"),
            ["kind"] = Titled(new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. ValueFormats.FindingKinds.Select(k => JsonValue.Create(k))]),
                ["x-enumDisplayNames"] = new JsonObject
                {
                    ["opinion"] = JsonNames.Of(LocalizedText.Of("Opinion", "意见")),
                    ["problem"] = JsonNames.Of(LocalizedText.Of("Problem", "问题")),
                    ["suggestion"] = JsonNames.Of(LocalizedText.Of("Suggestion", "建议")),
                },
            }, "Kind", "类别"),
            ["office"] = Titled(String(required: false), "Responsible office", "责任科室"),
            ["owner"] = Titled(String(required: false), "Owner", "责任人"),
            ["deadline"] = Titled(Date(), "Deadline", "整改时限"),
            ["detail"] = Titled(String(required: false), "Detail", "具体情况"),
        },
        ["required"] = new JsonArray("title"),
        ["additionalProperties"] = false,
    };

    private static JsonObject Titled(JsonObject schema, string en, string zh)
    {
        schema["title"] = en;
        schema["x-displayNames"] = JsonNames.Of(LocalizedText.Of(en, zh));
        return schema;
    }
}
