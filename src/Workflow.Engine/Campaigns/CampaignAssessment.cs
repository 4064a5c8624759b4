using System.Collections.Immutable;
using Workflow.Engine.Gates;

namespace Workflow.Engine.Campaigns;

/// <summary>Where a campaign stands now: the gates with the values they saw, and every trigger with why it is or is not permitted.</summary>
public sealed record CampaignAssessment(
    string State,
    bool Suspended,
    bool WorkflowFinished,
    ImmutableArray<string> WaitingFor,
    ImmutableArray<GateResult> Gates,
    ImmutableArray<TriggerAvailability> Triggers);

/// <summary>One trigger (and for SendBack, one target phase): permitted, or the reasons it is not.</summary>
public sealed record TriggerAvailability(CampaignTrigger Trigger, string? TargetPhase, bool Permitted, ImmutableArray<Texts.EngineText> ReasonTexts)
{
    /// <summary>The reasons in English.</summary>
    public ImmutableArray<string> Reasons => [.. ReasonTexts.Select(r => r.Render(Texts.EngineTexts.English))];

    /// <summary>The reasons in a culture (zh-CN or en).</summary>
    public IReadOnlyList<string> ReasonsIn(string culture) => [.. ReasonTexts.Select(r => r.Render(culture))];
}
