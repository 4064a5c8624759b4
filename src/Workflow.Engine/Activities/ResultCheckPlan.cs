using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>
/// What checking a completion needs from a descriptor, worked out once per descriptor: field
/// positions by name, pointers, encoded names, rule and ratio operands as positions, the ports.
/// A check then only fills arrays indexed by field position.
/// </summary>
internal sealed class ResultCheckPlan
{
    public ResultCheckPlan(ActivityDescriptor descriptor)
    {
        Descriptor = descriptor;
        Fields = descriptor.ResultFields.OrEmpty();
        IndexByName = Fields.Select((field, index) => (field.Name, index))
            .DistinctBy(pair => pair.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);
        Pointers = [.. Fields.Select(field => ResultProblems.Pointer(field.Name))];
        EncodedNames = [.. Fields.Select(field => JsonEncodedText.Encode(field.Name))];
        Required = [.. Fields.Select((field, index) => (field, index)).Where(p => p.field.Required && p.field.Derived is null).Select(p => p.index)];
        Ratios = [.. Fields.Select(field => field.Derived is { } d ? (IndexOf(d.Numerator), IndexOf(d.Denominator)) : (-1, -1))];
        // A rule naming a field the descriptor lacks could never be checked; it is left out
        // rather than failing every completion of the type.
        Rules = [.. descriptor.Rules.OrEmpty()
            .Select(rule => new RulePlan(rule, [.. rule.Fields.Select(IndexOf)], IndexOf(rule.Limit)))
            .Where(plan => plan.Limit >= 0 && plan.Fields.Length > 0 && plan.Fields.All(i => i >= 0))];
        Ports = descriptor.OutboundPorts.OrEmpty().ToFrozenSet(StringComparer.Ordinal);
        PortList = string.Join(", ", descriptor.OutboundPorts.OrEmpty());
    }

    public ActivityDescriptor Descriptor { get; }
    public ImmutableArray<ResultFieldDescriptor> Fields { get; }
    public FrozenDictionary<string, int> IndexByName { get; }
    public string[] Pointers { get; }
    public JsonEncodedText[] EncodedNames { get; }
    public int[] Required { get; }

    /// <summary>For each field, the positions of its ratio's numerator and denominator, or (-1, -1).</summary>
    public (int Numerator, int Denominator)[] Ratios { get; }

    public RulePlan[] Rules { get; }
    private FrozenSet<string> Ports { get; }
    private string PortList { get; }

    private int IndexOf(string name) => IndexByName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>
    /// The port a completion leaves by. An activity with only Done may omit the outcome; one with
    /// real choices (a review) must name one; a fork's ports come from its instance's branches,
    /// which only the interpreter knows, so any non-empty name passes here.
    /// </summary>
    public string ResolvePort(string? outcome, ResultProblems problems)
    {
        var typeName = Descriptor.TypeName;
        if (Descriptor.PortsFromInput is { } input)
        {
            if (!string.IsNullOrEmpty(outcome)) return outcome;
            return Fail($"An outcome naming one of the {input} of {typeName} is required.");
        }
        if (Ports.Count == 0)
            return outcome is null ? "" : Fail($"{typeName} has no outbound ports, so it takes no outcome; got \"{outcome}\".");
        if (outcome is null)
            return Ports.Count == 1 && Ports.Contains(ActivityDescriptor.DonePort)
                ? ActivityDescriptor.DonePort
                : Fail($"An outcome is required for {typeName}: one of {PortList}.");
        return Ports.Contains(outcome)
            ? outcome
            : Fail($"Outcome \"{outcome}\" is not a port of {typeName}; expected one of {PortList}.");

        string Fail(string message)
        {
            problems.Add("/outcome", ResultCheckCodes.OutcomeInvalid, message, new()
            {
                ["activityType"] = typeName,
                ["outcome"] = outcome ?? "",
                ["allowed"] = PortList,
            });
            return "";
        }
    }
}

/// <summary>A rule with its operands as field positions.</summary>
internal sealed record RulePlan(ResultRule Rule, int[] Fields, int Limit);
