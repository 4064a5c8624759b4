using Workflow.Engine.Texts;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Definitions;

/// <summary>Reads the campaign template document.</summary>
internal static class TemplateParser
{
    public static CampaignTemplate? Read(JsonElement root, string hash, DocumentReader reader)
    {
        var definitionId = reader.Identifier(root, "definitionId", "", "definition");
        var version = reader.PositiveInt(root, "version", "");
        var name = reader.RequiredString(root, "name", "");
        var inputs = DefinitionParser.ReadInputs(root, "inputs", reader);
        var variables = DefinitionParser.ReadInputs(root, "variables", reader);
        var phases = ImmutableArray.CreateBuilder<PhaseDefinition>();
        if (reader.Array(root, "phases", "", required: true) is { } array)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var pointer = $"/phases/{index++}";
                if (ReadPhase(element, pointer, reader) is not { } phase) continue;
                if (!ids.Add(phase.Id))
                    reader.Add(ValidationCodes.TemplatePhaseDuplicate, EngineText.Of("template.phase_duplicate", ("phaseId", phase.Id)), $"{pointer}/id");
                else phases.Add(phase);
            }
            if (array.GetArrayLength() == 0)
                reader.Add(ValidationCodes.TemplatePhasesMissing, EngineText.Of("template.phases_missing"), "/phases");
        }
        if (definitionId is null || version is null || name is null) return null;
        return new CampaignTemplate(
            new DefinitionIdentity(definitionId, version.Value, hash),
            name,
            reader.OptionalString(root, "description", ""),
            reader.Texts(root, "displayNames", ""),
            inputs,
            variables,
            phases.ToImmutable());
    }

    private static PhaseDefinition? ReadPhase(JsonElement element, string pointer, DocumentReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.phase"))), pointer);
            return null;
        }
        var id = reader.Identifier(element, "id", pointer, "phase");
        var name = reader.RequiredString(element, "name", pointer);
        WorkflowReference? workflow = null;
        if (reader.Object(element, "workflow", pointer, required: true) is { } reference)
        {
            var workflowId = reader.Identifier(reference, "definitionId", $"{pointer}/workflow", "workflow");
            var workflowVersion = reader.PositiveInt(reference, "version", $"{pointer}/workflow");
            if (workflowId is not null && workflowVersion is not null) workflow = new WorkflowReference(workflowId, workflowVersion.Value);
        }
        var gates = ImmutableArray.CreateBuilder<GateDefinition>();
        if (reader.Array(element, "exitGates", pointer, required: false) is { } gateArray)
        {
            var index = 0;
            foreach (var gate in gateArray.EnumerateArray())
                if (ReadGate(gate, $"{pointer}/exitGates/{index++}", reader) is { } read) gates.Add(read);
        }
        var outputs = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
        if (reader.Object(element, "outputs", pointer, required: false) is { } outputObject)
            foreach (var output in outputObject.EnumerateObject())
                if (reader.Value(output.Value, $"{pointer}/outputs/{DocumentReader.Escape(output.Name)}") is { } value)
                    outputs[output.Name] = value;
        var deadline = reader.OptionalString(element, "deadline", pointer);
        if (deadline is not null && !Values.Durations.TryParse(deadline, out _) && !Values.Durations.TryParseInstant(deadline, out _))
            reader.Add(ValidationCodes.PropertyInvalid,
                EngineText.Of("phase.deadline_invalid", ("deadline", deadline)),
                $"{pointer}/deadline");
        if (id is null || name is null || workflow is null) return null;
        return new PhaseDefinition(id, name, reader.Texts(element, "displayNames", pointer), workflow, gates.ToImmutable(), outputs.ToImmutable(), deadline);
    }

    private static GateDefinition? ReadGate(JsonElement element, string pointer, DocumentReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(ValidationCodes.PropertyInvalid, EngineText.Of("element.object", ("what", EngineText.Of("noun.gate"))), pointer);
            return null;
        }
        var id = reader.Identifier(element, "id", pointer, "gate");
        var name = reader.RequiredString(element, "name", pointer);
        InputValue? condition = null;
        if (element.TryGetProperty("condition", out var conditionElement))
            condition = reader.Value(conditionElement, $"{pointer}/condition");
        else reader.Add(ValidationCodes.PropertyMissing, EngineText.Of("property.required", ("name", "condition")), pointer);
        if (id is null || name is null || condition is null) return null;
        return new GateDefinition(id, name, reader.Texts(element, "displayNames", pointer), reader.OptionalString(element, "description", pointer),
            reader.Texts(element, "descriptions", pointer), condition);
    }
}
