namespace Workflow.Engine.Campaigns;

/// <summary>Fire a trigger. <see cref="TargetPhase"/> is for SendBack only; the actor is already authenticated.</summary>
public sealed record TriggerCommand(
    string Actor, CampaignTrigger Trigger, string? Reason = null, string? TargetPhase = null, string? OnBehalfOf = null);
