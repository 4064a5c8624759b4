using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>
/// Checks a task completion (an outcome and a structured result) against its activity type.
/// It never throws on bad input: a person's form can be wrong in many places at once, and the
/// client needs all of them, each with a JSON Pointer, to mark every field in one round trip.
/// </summary>
public static class ResultChecker
{
    // Keyed by reference: descriptors are records with value equality, and a plan belongs to one
    // instance. Entries go away with their descriptors.
    private static readonly ConditionalWeakTable<ActivityDescriptor, ResultCheckPlan> Plans = new();

    /// <summary>
    /// Checks <paramref name="result"/> (null or JSON null counts as an empty object) and
    /// <paramref name="outcome"/>. On success the stored result holds only the descriptor's fields
    /// in its order, derived ratios filled in, and <c>outcome</c>.
    /// </summary>
    public static ResultCheck Check(this ActivityDescriptor descriptor, string? outcome, JsonElement? result)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var plan = Plans.GetValue(descriptor, static d => new ResultCheckPlan(d));
        var problems = new ResultProblems();
        var port = plan.ResolvePort(outcome, problems);

        var state = new ResultValues(plan.Fields.Length);
        var isObject = true;
        if (result is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } submitted)
        {
            isObject = submitted.ValueKind == JsonValueKind.Object;
            if (isObject) ReadFields(plan, submitted, state, problems);
            else problems.Add("", ResultCheckCodes.NotObject, $"The result must be a JSON object, got {ResultProblems.Describe(submitted)}.",
                new() { ["actual"] = ResultProblems.Describe(submitted) });
        }
        // Missing fields of something that is not an object would only repeat the one problem.
        if (isObject)
            foreach (var index in plan.Required)
                if (!state.Given[index]) problems.Required(plan.Pointers[index], plan.Fields[index].Name);
        CheckRules(plan, state, problems);

        return problems.Any
            ? new ResultCheck(false, "", ResultWriter.EmptyObject, problems.ToImmutable())
            : new ResultCheck(true, port, ResultWriter.Write(plan, state, port), []);
    }

    private static void ReadFields(ResultCheckPlan plan, JsonElement submitted, ResultValues state, ResultProblems problems)
    {
        foreach (var property in submitted.EnumerateObject())
        {
            if (!plan.IndexByName.TryGetValue(property.Name, out var index))
            {
                // The engine writes outcome into the stored result; a client must send it apart.
                if (property.NameEquals("outcome")) problems.Derived("/outcome", "outcome");
                else problems.Unknown(ResultProblems.Pointer(property.Name), property.Name, plan.Descriptor.TypeName);
                continue;
            }
            var field = plan.Fields[index];
            if (state.Seen[index])
            {
                problems.Duplicate(plan.Pointers[index], field.Name);
                continue;
            }
            state.Seen[index] = true;
            if (field.Derived is not null)
            {
                problems.Derived(plan.Pointers[index], field.Name);
                continue;
            }
            // A null is an empty form field: absent, so only a problem when the field is required.
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            state.Given[index] = true;
            state.Values[index] = property.Value;
            state.Good[index] = FieldValueChecker.Check(field, plan.Pointers[index], property.Value, problems, out state.Numbers[index]);
        }
    }

    /// <summary>
    /// Checks sum(fields) ≤ limit when the limit and at least one summand were given and all are
    /// well-formed (a malformed one is already reported); a missing summand counts as 0.
    /// </summary>
    private static void CheckRules(ResultCheckPlan plan, ResultValues state, ResultProblems problems)
    {
        foreach (var rule in plan.Rules)
        {
            if (!state.Given[rule.Limit] || !state.Good[rule.Limit]) continue;
            double sum = 0;
            var first = -1;
            var wellFormed = true;
            foreach (var index in rule.Fields)
            {
                if (!state.Given[index]) continue;
                wellFormed &= state.Good[index];
                sum += state.Numbers[index];
                if (first < 0) first = index;
            }
            if (first < 0 || !wellFormed || sum <= state.Numbers[rule.Limit]) continue;

            var names = string.Join(" + ", rule.Fields.Select(i => plan.Fields[i].Name));
            var values = string.Join(" + ", rule.Fields.Select(i => ResultProblems.Format(state.Numbers[i])));
            var limitName = plan.Fields[rule.Limit].Name;
            var limitValue = ResultProblems.Format(state.Numbers[rule.Limit]);
            var shown = rule.Fields.Length == 1 ? values : $"{values} = {ResultProblems.Format(sum)}";
            var arguments = new Dictionary<string, string>
            {
                ["rule"] = rule.Rule.Code,
                ["fields"] = names,
                ["sum"] = ResultProblems.Format(sum),
                ["limit"] = limitName,
                ["limitValue"] = limitValue,
                [limitName] = limitValue,
            };
            foreach (var index in rule.Fields) arguments[plan.Fields[index].Name] = ResultProblems.Format(state.Numbers[index]);
            problems.Add(plan.Pointers[first], ResultCheckCodes.RuleViolated,
                $"{names} ({shown}) must not exceed {limitName} ({limitValue}).", arguments);
        }
    }
}
