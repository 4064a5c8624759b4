using System.Collections.Immutable;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>A campaign: its inputs, variables and phases in order, as read from JSON.</summary>
public sealed record CampaignTemplate(
    DefinitionIdentity Identity,
    string Name,
    string? Description,
    LocalizedText DisplayNames,
    ImmutableArray<InputDefinition> Inputs,
    ImmutableArray<InputDefinition> Variables,
    ImmutableArray<PhaseDefinition> Phases);

/// <summary>One phase of a template: the workflow it runs, the gates that must hold to leave it, and what it hands on.</summary>
public sealed record PhaseDefinition(
    string Id,
    string Name,
    LocalizedText DisplayNames,
    WorkflowReference Workflow,
    ImmutableArray<GateDefinition> ExitGates,
    ImmutableDictionary<string, InputValue> Outputs,
    string? Deadline = null)
{
    /// <summary>When the phase is due if entered at <paramref name="enteredAt"/>: a duration from then, or a fixed time; null without a deadline.</summary>
    public DateTimeOffset? DeadlineFrom(DateTimeOffset enteredAt) =>
        Values.Durations.TryParse(Deadline, out var after) ? enteredAt + after
        : Values.Durations.TryParseInstant(Deadline, out var at) ? at
        : null;
}

/// <summary>Names one version of a phase workflow.</summary>
public sealed record WorkflowReference(string DefinitionId, int Version)
{
    public override string ToString() => $"{DefinitionId} v{Version}";
}

/// <summary>A condition over the phase's results that must hold before the campaign may leave the phase.</summary>
/// <param name="Descriptions">The description by culture (like <paramref name="DisplayNames"/>); <paramref name="Description"/> is the text
/// for any culture it lacks.</param>
public sealed record GateDefinition(string Id, string Name, LocalizedText DisplayNames, string? Description, LocalizedText Descriptions, InputValue Condition);
