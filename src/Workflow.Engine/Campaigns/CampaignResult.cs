using System.Collections.Immutable;
using Workflow.Engine.Activities;
using Workflow.Engine.Gates;

namespace Workflow.Engine.Campaigns;

/// <summary>What a campaign command did: the new state and its events, or why it was refused (state unchanged).</summary>
public sealed record CampaignResult(CampaignInstance? State, ImmutableArray<CampaignEvent> Events, CampaignRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// Why a campaign command was refused: a stable code, a sentence a person can act on, the values
/// behind it, and for a refused trigger the guards that failed and every gate with what it saw.
/// </summary>
public sealed record CampaignRefusal(
    string Code,
    string Message,
    IReadOnlyDictionary<string, string> Arguments,
    ImmutableArray<string> UnmetGuards,
    ImmutableArray<GateResult> Gates,
    ImmutableArray<string> WaitingFor,
    ImmutableArray<ResultFieldError> FieldErrors)
{
    /// <summary>For a refused trigger, why each failed guard failed, as catalog texts to render in the caller's language.</summary>
    public ImmutableArray<Texts.EngineText> Reasons { get; init; } = [];
}

/// <summary>The stable codes of refused campaign commands (workflow refusals keep their own codes).</summary>
public static class CampaignRefusalCodes
{
    public const string TriggerNotPermitted = "campaign.trigger_not_permitted";
    public const string Suspended = "campaign.suspended";
    public const string NotInPhase = "campaign.not_in_phase";
    public const string ReasonRequired = "campaign.reason_required";
    public const string PhaseUnknown = "campaign.phase_unknown";
    public const string InputsInvalid = "campaign.inputs_invalid";
    public const string OutputFailed = "campaign.output_failed";
}
