using System.Text.Json;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// One fired trigger, as auditors need it: from where to where, why, by whom (and for whom),
/// with which parameters, when, and under which template version.
/// </summary>
public sealed record TransitionRecord(
    string From,
    string To,
    CampaignTrigger Trigger,
    string Actor,
    string? OnBehalfOf,
    string? Reason,
    JsonElement Parameters,
    DateTimeOffset At,
    string TemplateId,
    int TemplateVersion);
