using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Definitions;

/// <summary>Reads the Elsa-shaped phase workflow document.</summary>
internal static class WorkflowParser
{
    /// <summary>Activity properties that are not inputs (Elsa's own plus ours).</summary>
    private static readonly FrozenSet<string> ActivityProperties = FrozenSet.ToFrozenSet(
        ["id", "type", "version", "name", "metadata", "customProperties", "canStartWorkflow", "runAsynchronously"], StringComparer.Ordinal);

    public static PhaseWorkflowDefinition? Read(JsonElement root, string hash, DocumentReader reader)
    {
        var definitionId = reader.Identifier(root, "definitionId", "", "definition");
        var version = reader.PositiveInt(root, "version", "");
        var name = reader.RequiredString(root, "name", "");
        var inputs = DefinitionParser.ReadInputs(root, "inputs", reader);
        var variables = ReadVariables(root, reader);
        var flowchart = reader.Object(root, "root", "", required: true) is { } rootElement ? ReadFlowchart(rootElement, reader) : null;
        if (definitionId is null || version is null || name is null || flowchart is null) return null;
        return new PhaseWorkflowDefinition(
            new DefinitionIdentity(definitionId, version.Value, hash),
            name,
            reader.OptionalString(root, "description", ""),
            reader.Texts(root, "displayNames", ""),
            inputs,
            variables,
            flowchart);
    }

    private static FlowchartDefinition? ReadFlowchart(JsonElement root, DocumentReader reader)
    {
        var type = reader.RequiredString(root, "type", "/root");
        if (type is not null && type != "Elsa.Flowchart")
            reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("workflow.root_type", ("type", type)), "/root/type");
        var id = reader.OptionalString(root, "id", "/root") ?? "flowchart";
        var activities = ImmutableArray.CreateBuilder<ActivityDefinition>();
        if (reader.Array(root, "activities", "/root", required: true) is { } activityArray)
        {
            var index = 0;
            foreach (var element in activityArray.EnumerateArray())
                if (ReadActivity(element, $"/root/activities/{index++}", reader) is { } activity) activities.Add(activity);
        }
        var connections = ImmutableArray.CreateBuilder<ConnectionDefinition>();
        if (reader.Array(root, "connections", "/root", required: false) is { } connectionArray)
        {
            var index = 0;
            foreach (var element in connectionArray.EnumerateArray())
                if (ReadConnection(element, $"/root/connections/{index++}", reader) is { } connection) connections.Add(connection);
        }
        return new FlowchartDefinition(id, activities.ToImmutable(), connections.ToImmutable());
    }

    private static ActivityDefinition? ReadActivity(JsonElement element, string pointer, DocumentReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.activity"))), pointer);
            return null;
        }
        var id = reader.Identifier(element, "id", pointer, "activity");
        var type = reader.RequiredString(element, "type", pointer, id);
        DesignerPosition? position = null;
        var displayNames = Values.LocalizedText.Empty;
        if (reader.Object(element, "metadata", pointer, required: false) is { } metadata)
        {
            displayNames = reader.Texts(metadata, "displayNames", $"{pointer}/metadata");
            if (metadata.TryGetProperty("designer", out var designer) && designer.ValueKind == JsonValueKind.Object
                && designer.TryGetProperty("position", out var at) && at.ValueKind == JsonValueKind.Object
                && at.TryGetProperty("x", out var x) && x.ValueKind == JsonValueKind.Number
                && at.TryGetProperty("y", out var y) && y.ValueKind == JsonValueKind.Number)
                position = new DesignerPosition(x.GetDouble(), y.GetDouble());
        }
        var inputs = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (ActivityProperties.Contains(property.Name)) continue;
            if (reader.Value(property.Value, $"{pointer}/{DocumentReader.Escape(property.Name)}", id) is { } value)
                inputs[property.Name] = value;
        }
        if (id is null || type is null) return null;
        return new ActivityDefinition(id, type, reader.OptionalString(element, "name", pointer), displayNames, position, inputs.ToImmutable());
    }

    private static ConnectionDefinition? ReadConnection(JsonElement element, string pointer, DocumentReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.connection"))), pointer);
            return null;
        }
        var source = ReadEndpoint(element, "source", pointer, reader, defaultPort: "Done");
        var target = ReadEndpoint(element, "target", pointer, reader, defaultPort: "In");
        return source is null || target is null ? null : new ConnectionDefinition(source, target);
    }

    private static Endpoint? ReadEndpoint(JsonElement element, string name, string pointer, DocumentReader reader, string defaultPort)
    {
        if (reader.Object(element, name, pointer, required: true) is not { } end) return null;
        var activity = reader.RequiredString(end, "activity", $"{pointer}/{name}");
        var port = reader.OptionalString(end, "port", $"{pointer}/{name}") ?? defaultPort;
        return activity is null ? null : new Endpoint(activity, port);
    }

    private static ImmutableArray<VariableDefinition> ReadVariables(JsonElement root, DocumentReader reader)
    {
        if (reader.Array(root, "variables", "", required: false) is not { } array) return [];
        var variables = ImmutableArray.CreateBuilder<VariableDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var pointer = $"/variables/{index++}";
            if (element.ValueKind != JsonValueKind.Object)
            {
                reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.variable"))), pointer);
                continue;
            }
            var name = reader.Identifier(element, "name", pointer, "variable");
            if (name is null) continue;
            if (!names.Add(name))
            {
                reader.Add(ValidationCodes.VariableDuplicate, EngineText.Of("variable.duplicate", ("name", name)), $"{pointer}/name");
                continue;
            }
            var value = element.TryGetProperty("value", out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
            variables.Add(new VariableDefinition(
                reader.OptionalString(element, "id", pointer) ?? name,
                name,
                reader.OptionalString(element, "typeName", pointer) ?? "Object",
                element.TryGetProperty("isArray", out var isArray) && isArray.ValueKind == JsonValueKind.True,
                value));
        }
        return variables.ToImmutable();
    }
}
