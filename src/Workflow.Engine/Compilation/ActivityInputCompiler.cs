using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Definitions;
using Workflow.Engine.Expressions;
using Workflow.Engine.Validation;
using Workflow.Engine.Values;

namespace Workflow.Engine.Compilation;

/// <summary>Checks an activity's inputs against its descriptor and prepares its expressions once.</summary>
internal static class ActivityInputCompiler
{
    public static void Compile(
        CompiledActivity activity, int definitionIndex, ExpressionContext context, PhaseWorkflowDefinition definition, List<ValidationError> errors)
    {
        var pointer = $"/root/activities/{definitionIndex}";
        var descriptor = activity.Descriptor;
        var compiled = new Dictionary<string, CompiledValue>(StringComparer.Ordinal);
        var inMultiInstance = context with { InMultiInstance = activity.Definition.Inputs.ContainsKey(InputNames.ForEach) };

        foreach (var (name, value) in activity.Definition.Inputs)
        {
            var inputPointer = $"{pointer}/{DocumentReader.Escape(name)}";
            if (descriptor.FindInput(name) is not { } input)
            {
                var known = descriptor.Inputs.IsEmpty
                    ? EngineText.Of("activity.inputs_none")
                    : EngineText.Of("activity.inputs_are", ("inputs", string.Join(", ", descriptor.Inputs.Select(i => i.Name))));
                errors.Add(Error(ValidationCodes.ActivityInputUnknown,
                    EngineText.Of("activity.input_unknown", ("activityId", activity.Id), ("type", descriptor.TypeName), ("input", name), ("known", known)), inputPointer, activity.Id));
                continue;
            }
            switch (value)
            {
                case ExpressionValue expression when !input.SupportsExpression:
                    errors.Add(Error(ValidationCodes.ActivityInputInvalid, EngineText.Of("activity.input_not_expression", ("input", name), ("activityId", activity.Id)), inputPointer, activity.Id));
                    break;
                case ExpressionValue expression:
                    var scope = name == InputNames.ForEach ? context : inMultiInstance;
                    if (CompileExpression(expression.Source, scope, inputPointer, activity.Id, errors) is { } prepared)
                        compiled[name] = new CompiledValue(null, prepared);
                    break;
                case LiteralValue when input.ExpressionOnly:
                    errors.Add(Error(ValidationCodes.ActivityInputInvalid, EngineText.Of("activity.input_expression_only", ("input", name), ("activityId", activity.Id)), inputPointer, activity.Id));
                    break;
                case LiteralValue literal:
                    if (CheckLiteral(activity, input, literal.Value, inputPointer, definition, errors))
                        compiled[name] = new CompiledValue(literal.Value, null);
                    break;
            }
        }
        if (activity.Definition.Inputs.ContainsKey(InputNames.ForEach) && descriptor.OutboundPorts.Length != 1)
            errors.Add(Error(ValidationCodes.ActivityInputInvalid,
                EngineText.Of("activity.for_each_several_outcomes", ("activityId", activity.Id), ("type", descriptor.TypeName)),
                $"{pointer}/forEach", activity.Id));
        if (descriptor.TypeName == TimerActivities.DelayType
            && !activity.Definition.Inputs.ContainsKey(InputNames.TimeSpan) && !activity.Definition.Inputs.ContainsKey(InputNames.DateTime))
            errors.Add(Error(ValidationCodes.ActivityInputMissing, EngineText.Of("activity.delay_missing", ("activityId", activity.Id), ("input", InputNames.TimeSpan)),
                pointer, activity.Id));
        // A task nobody is asked to do is published, activated, and then waits for ever; say so at publish instead.
        if (activity.Kind == ActivityKind.Task && !HasAssignee(activity.Definition))
            errors.Add(Error(ValidationCodes.ActivityInputMissing,
                EngineText.Of("activity.assignee_missing", ("activityId", activity.Id), ("input", InputNames.Assignee)),
                pointer, activity.Id));
        foreach (var input in descriptor.Inputs)
        {
            if (activity.Definition.Inputs.ContainsKey(input.Name)) continue;
            if (input.Required)
                // The pointer names the activity (the input is not there to point at); the argument names the input,
                // so that a designer can show the problem next to that input's field.
                errors.Add(Error(ValidationCodes.ActivityInputMissing, EngineText.Of("activity.input_missing", ("activityId", activity.Id), ("input", input.Name)), pointer,
                    activity.Id));
            else if (input.Default is { } fallback)
                compiled[input.Name] = new CompiledValue(fallback, null);
        }
        activity.Inputs = compiled.ToFrozenDictionary(StringComparer.Ordinal);
        activity.LiteralInputs = JsonValues.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in compiled.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (value.Literal is not { } literal) continue;
                writer.WritePropertyName(name);
                literal.WriteTo(writer);
            }
            writer.WriteEndObject();
        });
    }

    private static bool HasAssignee(ActivityDefinition definition) =>
        definition.Inputs.TryGetValue(InputNames.Assignee, out var value)
        && value is not LiteralValue { Value.ValueKind: JsonValueKind.Null }
        && !(value is LiteralValue { Value.ValueKind: JsonValueKind.String } literal && string.IsNullOrWhiteSpace(literal.Value.GetString()));

    /// <summary>Compiles one expression, turning its problems into located validation errors.</summary>
    public static CompiledExpression? CompileExpression(string source, ExpressionContext context, string pointer, string? activityId, List<ValidationError> errors)
    {
        var compilation = ExpressionCompiler.Compile(source, context);
        foreach (var problem in compilation.Problems)
            errors.Add(Error(problem.Code, EngineText.Of("expression.problem", ("problem", problem.Text), ("line", problem.Line), ("column", problem.Column)), pointer, activityId));
        return compilation.Problems.IsEmpty ? compilation.Expression : null;
    }

    private static bool CheckLiteral(
        CompiledActivity activity, InputDescriptor input, JsonElement value, string pointer, PhaseWorkflowDefinition definition, List<ValidationError> errors)
    {
        EngineText? problem = null;
        if (!DataTypes.Accepts(input.Type, value)) problem = EngineText.Of("input.must_be", ("type", Describe(input.Type)));
        else if (!input.AllowedValues.IsDefaultOrEmpty && !input.AllowedValues.Contains(value.GetString()!))
            problem = EngineText.Of("input.must_be_one_of", ("allowed", string.Join(", ", input.AllowedValues)), ("value", value.GetString() ?? ""));
        else if (InputNames.IsDuration(input.Name) && !Durations.TryParse(value.GetString(), out _))
            problem = EngineText.Of("input.must_be_duration", ("value", value.GetString() ?? ""));
        else if (input.Name == InputNames.DateTime && !Durations.TryParseInstant(value.GetString(), out _))
            problem = EngineText.Of("input.must_be_time", ("value", value.GetString() ?? ""));
        else if (input.Name == InputNames.Branches && activity.Descriptor.PortsFromInput == InputNames.Branches)
            problem = CheckBranches(value);
        else if (input.Name == InputNames.Variable && activity.Descriptor.TypeName == "Elsa.SetVariable"
                 && !definition.Variables.Any(v => v.Name == value.GetString()))
            problem = EngineText.Of("input.variable_undeclared", ("variable", value.GetString() ?? ""));
        if (problem is null) return true;
        errors.Add(Error(ValidationCodes.ActivityInputInvalid, EngineText.Of("activity.input_invalid", ("input", input.Name), ("activityId", activity.Id), ("problem", problem)), pointer, activity.Id));
        return false;
    }

    private static EngineText? CheckBranches(JsonElement value)
    {
        var names = value.EnumerateArray().Select(b => b.ValueKind == JsonValueKind.String ? b.GetString() : null).ToList();
        if (names.Count < 2) return EngineText.Of("input.branches_too_few");
        if (names.Any(n => string.IsNullOrEmpty(n))) return EngineText.Of("input.branches_empty");
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) return EngineText.Of("input.branches_duplicate");
        return null;
    }

    private static EngineText Describe(DataType type) => type switch
    {
        DataType.Date => EngineText.Of("type.date"),
        DataType.Integer => EngineText.Of("type.integer"),
        DataType.Array or DataType.Documents or DataType.Findings => EngineText.Of("type.array"),
        DataType.Text => EngineText.Of("type.text"),
        _ => EngineText.Of("type.other", ("name", DataTypes.ToName(type))),
    };

    private static ValidationError Error(string code, EngineText text, string pointer, string? activityId) => new(code, text, pointer, activityId);
}
