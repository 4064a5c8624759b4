using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Definitions;
using Workflow.Engine.Expressions;
using Workflow.Engine.Validation;
using Workflow.Engine.Values;

namespace Workflow.Engine.Compilation;

/// <summary>
/// Checks a phase workflow and compiles it. Every problem is reported with its location, none
/// stops the others from being found, and nothing here throws for a bad definition.
/// </summary>
public static class WorkflowCompiler
{
    public static WorkflowCompilation Compile(PhaseWorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        var activities = CompileActivities(definition, errors, out var knownIds, out var definitionIndex);
        var byId = activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var context = BuildContext(definition, activities);
        var variables = InitialVariables(definition, errors);

        foreach (var activity in activities)
            ActivityInputCompiler.Compile(activity, definitionIndex[activity.Id], context, definition, errors);

        var connections = ConnectionResolver.Resolve(definition, byId, knownIds, errors);
        var start = FindStartAndEnd(definition, activities, errors);
        if (errors.Count == 0 && start >= 0)
            new FlowGraph(activities, connections, start, definitionIndex).Check(errors);
        if (errors.Count == 0)
            FlowGraph.PlanWaitAnyCancellation(activities, connections);

        if (errors.Count > 0) return new WorkflowCompilation(null, [.. errors]);
        return new WorkflowCompilation(new CompiledWorkflow(definition, [.. activities], start, context, variables,
            connections.ToFrozenDictionary(c => c.Index, c => activities[c.Source].Id)), []);
    }

    private static List<CompiledActivity> CompileActivities(
        PhaseWorkflowDefinition definition, List<ValidationError> errors,
        out HashSet<string> knownIds, out Dictionary<string, int> definitionIndex)
    {
        var activities = new List<CompiledActivity>();
        knownIds = new HashSet<string>(StringComparer.Ordinal);
        definitionIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Root.Activities.Length; i++)
        {
            var activity = definition.Root.Activities[i];
            var pointer = $"/root/activities/{i}";
            if (!knownIds.Add(activity.Id))
            {
                errors.Add(new ValidationError(ValidationCodes.ActivityIdDuplicate,
                    EngineText.Of("activity.id_duplicate", ("activityId", activity.Id)), $"{pointer}/id", activity.Id));
                continue;
            }
            if (ActivityCatalog.Find(activity.Type) is not { } descriptor)
            {
                errors.Add(new ValidationError(ValidationCodes.ActivityTypeUnknown,
                    EngineText.Of("activity.type_unknown", ("activityId", activity.Id), ("type", activity.Type)),
                    $"{pointer}/type", activity.Id));
                continue;
            }
            definitionIndex[activity.Id] = i;
            activities.Add(new CompiledActivity { Index = activities.Count, Definition = activity, Descriptor = descriptor });
        }
        return activities;
    }

    private static ExpressionContext BuildContext(PhaseWorkflowDefinition definition, List<CompiledActivity> activities)
    {
        var results = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (activity.Kind != ActivityKind.Task) continue;
            // A multi-instance activity's result is an array of unit results, so its fields are not checked by name.
            results[activity.Id] = activity.Definition.Inputs.ContainsKey(InputNames.ForEach)
                ? null
                : activity.Descriptor.ResultFields.Select(f => f.Name).Append("outcome").ToFrozenSet(StringComparer.Ordinal);
        }
        return new ExpressionContext(
            definition.Inputs.Select(i => i.Name).ToFrozenSet(StringComparer.Ordinal),
            definition.Variables.Select(v => v.Name).ToFrozenSet(StringComparer.Ordinal),
            results.ToFrozenDictionary(StringComparer.Ordinal),
            InMultiInstance: false);
    }

    private static FrozenDictionary<string, JsonElement> InitialVariables(PhaseWorkflowDefinition definition, List<ValidationError> errors)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Length; i++)
        {
            var variable = definition.Variables[i];
            if (variable.Value is null)
            {
                values[variable.Name] = JsonValues.Null;
                continue;
            }
            if (variable.TypeName is "String" or "string")
            {
                values[variable.Name] = JsonValues.From(variable.Value);
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(variable.Value);
                values[variable.Name] = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                errors.Add(new ValidationError(ValidationCodes.PropertyInvalid,
                    EngineText.Of("variable.value_invalid", ("name", variable.Name), ("type", variable.TypeName)),
                    $"/variables/{i}/value"));
            }
        }
        return values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static int FindStartAndEnd(PhaseWorkflowDefinition definition, List<CompiledActivity> activities, List<ValidationError> errors)
    {
        var starts = activities.Where(a => a.Kind == ActivityKind.Start).ToList();
        if (starts.Count == 0)
            errors.Add(new ValidationError(ValidationCodes.StartMissing, EngineText.Of("flow.start_missing"), "/root/activities"));
        foreach (var extra in starts.Skip(1))
            errors.Add(new ValidationError(ValidationCodes.StartMultiple,
                EngineText.Of("flow.start_multiple", ("activityId", extra.Id)),
                $"/root/activities/{IndexOf(definition, extra.Id)}", extra.Id));
        if (!activities.Any(a => a.Kind == ActivityKind.End))
            errors.Add(new ValidationError(ValidationCodes.EndMissing, EngineText.Of("flow.end_missing"), "/root/activities"));
        return starts.Count > 0 ? starts[0].Index : -1;
    }

    private static int IndexOf(PhaseWorkflowDefinition definition, string id)
    {
        for (var i = 0; i < definition.Root.Activities.Length; i++)
            if (definition.Root.Activities[i].Id == id) return i;
        return -1;
    }
}
