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
                var known = descriptor.Inputs.IsEmpty ? "it takes no inputs" : "its inputs are: " + string.Join(", ", descriptor.Inputs.Select(i => i.Name));
                errors.Add(Error(ValidationCodes.ActivityInputUnknown, $"Activity '{activity.Id}' ({descriptor.TypeName}) has no input '{name}'; {known}.", inputPointer, activity.Id));
                continue;
            }
            switch (value)
            {
                case ExpressionValue expression when !input.SupportsExpression:
                    errors.Add(Error(ValidationCodes.ActivityInputInvalid, $"The input '{name}' of '{activity.Id}' must be a plain value, not an expression.", inputPointer, activity.Id));
                    break;
                case ExpressionValue expression:
                    var scope = name == InputNames.ForEach ? context : inMultiInstance;
                    if (CompileExpression(expression.Source, scope, inputPointer, activity.Id, errors) is { } prepared)
                        compiled[name] = new CompiledValue(null, prepared);
                    break;
                case LiteralValue when input.ExpressionOnly:
                    errors.Add(Error(ValidationCodes.ActivityInputInvalid, $"The input '{name}' of '{activity.Id}' must be an expression.", inputPointer, activity.Id));
                    break;
                case LiteralValue literal:
                    if (CheckLiteral(activity, input, literal.Value, inputPointer, definition, errors))
                        compiled[name] = new CompiledValue(literal.Value, null);
                    break;
            }
        }
        if (activity.Definition.Inputs.ContainsKey(InputNames.ForEach) && descriptor.OutboundPorts.Length != 1)
            errors.Add(Error(ValidationCodes.ActivityInputInvalid,
                $"Activity '{activity.Id}' cannot run once per item: a {descriptor.TypeName} has several outcomes, and its units could disagree.",
                $"{pointer}/forEach", activity.Id));
        if (descriptor.TypeName == TimerActivities.DelayType
            && !activity.Definition.Inputs.ContainsKey(InputNames.TimeSpan) && !activity.Definition.Inputs.ContainsKey(InputNames.DateTime))
            errors.Add(Error(ValidationCodes.ActivityInputMissing, $"Activity '{activity.Id}' needs the input 'timeSpan' or 'dateTime': how long to wait, or until when.",
                pointer, activity.Id, new Dictionary<string, string> { ["input"] = InputNames.TimeSpan }));
        // A task nobody is asked to do is published, activated, and then waits for ever; say so at publish instead.
        if (activity.Kind == ActivityKind.Task && !HasAssignee(activity.Definition))
            errors.Add(Error(ValidationCodes.ActivityInputMissing,
                $"Task '{activity.Id}' needs an assignee: the person, role or unit who does it (an expression may name them per item).",
                pointer, activity.Id, new Dictionary<string, string> { ["input"] = InputNames.Assignee }));
        foreach (var input in descriptor.Inputs)
        {
            if (activity.Definition.Inputs.ContainsKey(input.Name)) continue;
            if (input.Required)
                // The pointer names the activity (the input is not there to point at); the argument names the input,
                // so that a designer can show the problem next to that input's field.
                errors.Add(Error(ValidationCodes.ActivityInputMissing, $"Activity '{activity.Id}' needs the input '{input.Name}'.", pointer,
                    activity.Id, new Dictionary<string, string> { ["input"] = input.Name }));
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
            errors.Add(Error(problem.Code, $"{problem.Message} (line {problem.Line}, column {problem.Column})", pointer, activityId));
        return compilation.Problems.IsEmpty ? compilation.Expression : null;
    }

    private static bool CheckLiteral(
        CompiledActivity activity, InputDescriptor input, JsonElement value, string pointer, PhaseWorkflowDefinition definition, List<ValidationError> errors)
    {
        string? problem = null;
        if (!DataTypes.Accepts(input.Type, value)) problem = $"must be {Describe(input.Type)}";
        else if (!input.AllowedValues.IsDefaultOrEmpty && !input.AllowedValues.Contains(value.GetString()!))
            problem = $"must be one of {string.Join(", ", input.AllowedValues)}, not '{value.GetString()}'";
        else if (InputNames.IsDuration(input.Name) && !Durations.TryParse(value.GetString(), out _))
            problem = $"must be a duration such as \"1.00:00:00\" or \"P1D\", not '{value.GetString()}'";
        else if (input.Name == InputNames.DateTime && !Durations.TryParseInstant(value.GetString(), out _))
            problem = $"must be a time such as \"2026-12-01T08:00:00Z\", not '{value.GetString()}'";
        else if (input.Name == InputNames.Branches && activity.Descriptor.PortsFromInput == InputNames.Branches)
            problem = CheckBranches(value);
        else if (input.Name == InputNames.Variable && activity.Descriptor.TypeName == "Elsa.SetVariable"
                 && !definition.Variables.Any(v => v.Name == value.GetString()))
            problem = $"names the variable '{value.GetString()}', which the workflow does not declare";
        if (problem is null) return true;
        errors.Add(Error(ValidationCodes.ActivityInputInvalid, $"The input '{input.Name}' of '{activity.Id}' {problem}.", pointer, activity.Id));
        return false;
    }

    private static string? CheckBranches(JsonElement value)
    {
        var names = value.EnumerateArray().Select(b => b.ValueKind == JsonValueKind.String ? b.GetString() : null).ToList();
        if (names.Count < 2) return "needs at least two branch names";
        if (names.Any(n => string.IsNullOrEmpty(n))) return "must list branch names as non-empty strings";
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) return "lists a branch name twice";
        return null;
    }

    private static string Describe(DataType type) => type switch
    {
        DataType.Date => "a date written YYYY-MM-DD",
        DataType.Integer => "a whole number",
        DataType.Array or DataType.Documents or DataType.Findings => "an array",
        DataType.Text => "a string",
        _ => $"a {DataTypes.ToName(type)}",
    };

    private static ValidationError Error(
        string code, string message, string pointer, string? activityId, IReadOnlyDictionary<string, string>? arguments = null) =>
        new(code, message, pointer, activityId, Arguments: arguments);
}
