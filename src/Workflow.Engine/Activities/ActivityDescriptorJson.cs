using System.Text.Json.Nodes;

namespace Workflow.Engine.Activities;

/// <summary>
/// Descriptors as JSON for the API to serve to the designer and task forms. Built by hand, not
/// by the serializer, so the wire shape is fixed here (camelCase, enum names spelled out, nulls
/// left out) and independent of the records' C# shape.
/// </summary>
public static class ActivityDescriptorJson
{
    /// <summary>Every built-in descriptor, in catalog order.</summary>
    public static JsonArray ForCatalog() => [.. ActivityCatalog.All.Select(For)];

    /// <summary>One descriptor, with its result schema (<see cref="ResultSchema.For"/>) included.</summary>
    public static JsonObject For(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var json = new JsonObject
        {
            ["typeName"] = descriptor.TypeName,
            ["displayNames"] = JsonNames.Of(descriptor.DisplayNames),
            ["descriptions"] = JsonNames.Of(descriptor.Descriptions),
            ["category"] = descriptor.Category,
        };
        if (ActivityCategories.DisplayNames.TryGetValue(descriptor.Category, out var categoryNames))
            json["categoryDisplayNames"] = JsonNames.Of(categoryNames);
        json["kind"] = JsonNames.Of(descriptor.Kind);
        json["inputs"] = new JsonArray([.. descriptor.Inputs.OrEmpty().Select(Input)]);
        json["resultFields"] = new JsonArray([.. descriptor.ResultFields.OrEmpty().Select(Field)]);
        json["rules"] = new JsonArray([.. descriptor.Rules.OrEmpty().Select(Rule)]);
        json["outboundPorts"] = Strings(descriptor.OutboundPorts.OrEmpty());
        // Timer ports (a task's Timeout) are listed apart: a person's outcome never takes them.
        json["timerPorts"] = Strings(descriptor.TimerPorts.OrEmpty());
        json["portDisplayNames"] = ActivityPorts.NamesJson([.. descriptor.OutboundPorts.OrEmpty(), .. descriptor.TimerPorts.OrEmpty()]);
        json["portsFromInput"] = descriptor.PortsFromInput;
        json["hasInboundPort"] = descriptor.HasInboundPort;
        json["resultSchema"] = ResultSchema.For(descriptor);
        return json;
    }

    private static JsonNode Input(InputDescriptor input)
    {
        var json = new JsonObject
        {
            ["name"] = input.Name,
            ["type"] = JsonNames.Of(input.Type),
            ["displayNames"] = JsonNames.Of(input.DisplayNames),
            ["required"] = input.Required,
            ["supportsExpression"] = input.SupportsExpression,
            ["expressionOnly"] = input.ExpressionOnly,
        };
        if (input.Default is { } value) json["default"] = JsonNode.Parse(value.GetRawText());
        if (!input.AllowedValues.OrEmpty().IsEmpty) json["allowedValues"] = Strings(input.AllowedValues);
        if (input.Minimum is { } minimum) json["minimum"] = minimum;
        return json;
    }

    private static JsonNode Field(ResultFieldDescriptor field)
    {
        var json = new JsonObject
        {
            ["name"] = field.Name,
            ["type"] = JsonNames.Of(field.Type),
            ["displayNames"] = JsonNames.Of(field.DisplayNames),
            ["required"] = field.Required,
        };
        if (field.Unit is { } unit)
        {
            json["unit"] = unit;
            if (ResultUnits.DisplayNames.TryGetValue(unit, out var unitNames)) json["unitDisplayNames"] = JsonNames.Of(unitNames);
        }
        if (field.Minimum is { } minimum) json["minimum"] = minimum;
        if (field.Maximum is { } maximum) json["maximum"] = maximum;
        if (field.Derived is { } derived)
            json["derived"] = new JsonObject { ["numerator"] = derived.Numerator, ["denominator"] = derived.Denominator };
        return json;
    }

    private static JsonNode Rule(ResultRule rule) => new JsonObject
    {
        ["code"] = rule.Code,
        ["fields"] = Strings(rule.Fields),
        ["limit"] = rule.Limit,
        ["messages"] = JsonNames.Of(rule.Messages),
    };

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
