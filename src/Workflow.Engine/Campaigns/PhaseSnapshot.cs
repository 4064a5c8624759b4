using System.Collections.Immutable;
using Workflow.Engine.Gates;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// What the engine found before asking the phase machine anything. Guards only read this, so
/// they do no work and every refusal can be explained with the same numbers.
/// </summary>
public sealed record PhaseSnapshot(
    bool Suspended,
    bool WorkflowFinished,
    ImmutableArray<string> WaitingFor,
    ImmutableArray<GateResult> Gates)
{
    public bool GatesMet => Gates.All(g => g.State == GateState.Met);
}
