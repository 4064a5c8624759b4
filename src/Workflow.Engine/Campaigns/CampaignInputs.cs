using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Values;

namespace Workflow.Engine.Campaigns;

/// <summary>Checks the parameters of a new campaign against the template's inputs and fills in defaults.</summary>
internal static class CampaignInputs
{
    public static (ImmutableSortedDictionary<string, JsonElement> Values, ImmutableArray<ResultFieldError> Problems) Resolve(
        CompiledTemplate template, JsonElement? given)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        var problems = ImmutableArray.CreateBuilder<ResultFieldError>();
        var declared = template.Template.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        if (given is { } supplied && supplied.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
            problems.Add(Problem("", "input.not_object", "The campaign parameters must be a JSON object of input names to values."));
        else if (given is { ValueKind: JsonValueKind.Object } inputs)
        {
            foreach (var property in inputs.EnumerateObject())
            {
                if (!declared.TryGetValue(property.Name, out var input))
                    problems.Add(Problem(property.Name, "input.unknown",
                        $"The template {template.Identity} has no input '{property.Name}'; its inputs are: {string.Join(", ", declared.Keys)}."));
                else if (Check(input, property.Value) is { } problem)
                    problems.Add(Problem(property.Name, "input.invalid", problem));
                else values[property.Name] = property.Value.Clone();
            }
        }
        foreach (var input in template.Template.Inputs)
        {
            if (values.ContainsKey(input.Name) || problems.Any(p => p.Field == "/" + input.Name)) continue;
            if (input.Default is { } fallback) values[input.Name] = fallback;
            else if (input.Required)
                problems.Add(Problem(input.Name, "input.required", $"The input '{input.Name}' is required: {input.Description ?? DataTypes.ToName(input.Type)}."));
        }
        values[TemplateCompiler.FindingsVariable] = JsonValues.EmptyArray;
        return (values.ToImmutable(), problems.ToImmutable());
    }

    private static string? Check(InputDefinition input, JsonElement value)
    {
        if (!DataTypes.Accepts(input.Type, value)) return $"The input '{input.Name}' must be of type {DataTypes.ToName(input.Type)}.";
        if (value.ValueKind != JsonValueKind.Number) return null;
        var number = value.GetDouble();
        if (input.Minimum is { } min && number < min) return $"The input '{input.Name}' must be at least {min.ToString(CultureInfo.InvariantCulture)}; it is {value.GetRawText()}.";
        if (input.Maximum is { } max && number > max) return $"The input '{input.Name}' must be at most {max.ToString(CultureInfo.InvariantCulture)}; it is {value.GetRawText()}.";
        return null;
    }

    private static ResultFieldError Problem(string name, string code, string message) =>
        new(name.Length == 0 ? "" : "/" + name, code, message, new Dictionary<string, string> { ["input"] = name });
}
