using System.Collections.Frozen;
using System.Collections.Immutable;
using Workflow.Engine.Definitions;
using Workflow.Engine.Gates;

namespace Workflow.Engine.Compilation;

/// <summary>A campaign template with each phase's workflow resolved and its gates and outputs prepared.</summary>
public sealed class CompiledTemplate
{
    internal CompiledTemplate(CampaignTemplate template, ImmutableArray<CompiledPhase> phases)
    {
        Template = template;
        Phases = phases;
        PhaseIndex = phases.ToFrozenDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
    }

    public CampaignTemplate Template { get; }

    public DefinitionIdentity Identity => Template.Identity;

    public ImmutableArray<CompiledPhase> Phases { get; }

    internal FrozenDictionary<string, int> PhaseIndex { get; }

    public CompiledPhase? FindPhase(string phaseId) => PhaseIndex.TryGetValue(phaseId, out var index) ? Phases[index] : null;
}

/// <summary>One phase, ready to run.</summary>
public sealed class CompiledPhase
{
    internal CompiledPhase(int index, PhaseDefinition definition, CompiledWorkflow workflow, ImmutableArray<CompiledGate> gates,
        ImmutableArray<(string Variable, CompiledValue Value)> outputs)
    {
        Index = index;
        Definition = definition;
        Workflow = workflow;
        Gates = gates;
        Outputs = outputs;
    }

    public int Index { get; }

    public string Id => Definition.Id;

    public PhaseDefinition Definition { get; }

    public CompiledWorkflow Workflow { get; }

    public ImmutableArray<CompiledGate> Gates { get; }

    internal ImmutableArray<(string Variable, CompiledValue Value)> Outputs { get; }
}
