using System.Text.Json.Nodes;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// The JSON Schema (draft 2020-12) of an activity type's result, for clients that build forms
/// or validate before submitting. It describes the stored result: derived fields and the
/// outcome are present but <c>readOnly</c>, so a submission without them also validates. Rules
/// across fields cannot be said in JSON Schema; they are listed under <c>x-rules</c> and only
/// <see cref="ResultChecker"/> enforces them.
/// </summary>
public static class ResultSchema
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>A new schema object (callers may change it freely).</summary>
    public static JsonObject For(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var properties = new JsonObject();
        var required = new JsonArray();
        var definitions = new JsonObject();
        foreach (var field in descriptor.ResultFields.OrEmpty())
        {
            properties[field.Name] = Field(field, definitions);
            if (field.Required && field.Derived is null) required.Add(field.Name);
        }
        if (Outcome(descriptor) is { } outcome) properties["outcome"] = outcome;

        var schema = new JsonObject
        {
            ["$schema"] = Draft202012,
            ["title"] = descriptor.DisplayNames.Get("en"),
            ["description"] = descriptor.Descriptions.Get("en"),
            ["x-displayNames"] = JsonNames.Of(descriptor.DisplayNames),
            ["x-activityType"] = descriptor.TypeName,
            ["type"] = "object",
            ["properties"] = properties,
        };
        if (required.Count > 0) schema["required"] = required;
        schema["additionalProperties"] = false;
        if (definitions.Count > 0) schema["$defs"] = definitions;
        if (!descriptor.Rules.IsDefaultOrEmpty) schema["x-rules"] = Rules(descriptor);
        return schema;
    }

    private static JsonObject Field(ResultFieldDescriptor field, JsonObject definitions)
    {
        var schema = ValueSchemas.For(field.Type, field.Required, definitions);
        schema["title"] = field.DisplayNames.Get("en");
        schema["x-displayNames"] = JsonNames.Of(field.DisplayNames);
        schema["x-dataType"] = JsonNames.Of(field.Type);
        if (field.Unit is { } unit)
        {
            schema["x-unit"] = unit;
            if (ResultUnits.DisplayNames.TryGetValue(unit, out var unitNames)) schema["x-unitDisplayNames"] = JsonNames.Of(unitNames);
        }
        var isArray = field.Type is DataType.Array or DataType.Documents or DataType.Findings;
        if (field.Minimum is { } minimum) schema[isArray ? "minItems" : "minimum"] = isArray ? (int)Math.Ceiling(minimum) : minimum;
        if (field.Maximum is { } maximum && !isArray) schema["maximum"] = maximum;
        if (field.Derived is { } derived)
        {
            schema["readOnly"] = true;
            schema["x-derived"] = new JsonObject { ["numerator"] = derived.Numerator, ["denominator"] = derived.Denominator };
        }
        return schema;
    }

    /// <summary>The port the completion left by; written by the engine, hence read-only.</summary>
    private static JsonObject? Outcome(ActivityDescriptor descriptor)
    {
        var ports = descriptor.OutboundPorts.OrEmpty();
        if (ports.IsEmpty && descriptor.PortsFromInput is null) return null;
        var schema = new JsonObject
        {
            ["type"] = "string",
            ["title"] = "Outcome",
            ["x-displayNames"] = JsonNames.Of(LocalizedText.Of("Outcome", "办理结果")),
            ["readOnly"] = true,
        };
        if (descriptor.PortsFromInput is null)
        {
            schema["enum"] = new JsonArray([.. ports.Select(p => JsonValue.Create(p))]);
            schema["x-enumDisplayNames"] = ActivityPorts.NamesJson(ports);
        }
        return schema;
    }

    private static JsonArray Rules(ActivityDescriptor descriptor) =>
    [
        .. descriptor.Rules.OrEmpty().Select(rule => new JsonObject
        {
            ["code"] = rule.Code,
            ["fields"] = new JsonArray([.. rule.Fields.Select(f => JsonValue.Create(f))]),
            ["limit"] = rule.Limit,
            ["messages"] = JsonNames.Of(rule.Messages),
        }),
    ];
}
