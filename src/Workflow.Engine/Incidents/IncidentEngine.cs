using System.Globalization;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;

namespace Workflow.Engine.Incidents;

/// <summary>
/// What an operator can do about an open incident: retry the faulted activity instance (after the data it reads has been
/// put right) or skip it with a reason. Pure like the rest of the engine: state, command and time in; state and events out.
/// </summary>
/// <remarks>
/// A retry runs against the campaign's pinned definition version: campaigns are not moved to newer versions, so a fix
/// in a definition reaches campaigns started from the version that has it.
/// </remarks>
public static class IncidentEngine
{
    public static CampaignResult Retry(CompiledTemplate template, CampaignInstance campaign, RetryIncident command, DateTimeOffset now)
    {
        if (Find(template, campaign, command.IncidentId, out var phase) is not { } incident) return Refusal(campaign, command.IncidentId, phase)!;
        var log = new IncidentLog(campaign, command.Actor);
        log.Emit(new IncidentRetried(now, incident.Id, command.Actor, command.OnBehalfOf, Trimmed(command.Reason), incident.Attempts + 1));
        log.Retrying(incident.Id, now);
        return Run(log, phase!, campaign, new RetryActivity(command.Actor, incident.ActivityId, incident.Iteration, incident.Connection), now);
    }

    /// <summary>
    /// Leaves the activity by the outcome named, or by Done. A decision has no Done: skipping one without naming True or
    /// False is refused (<see cref="IncidentCodes.CannotSkip"/>), since the engine cannot choose a branch for a person.
    /// </summary>
    public static CampaignResult Skip(CompiledTemplate template, CampaignInstance campaign, SkipIncident command, DateTimeOffset now)
    {
        if (Trimmed(command.Reason) is not { } reason)
            return CampaignEngine.Refuse(IncidentCodes.SkipReasonRequired,
                $"Skipping incident '{command.IncidentId}' needs a reason: it is recorded with the skip.", ("incidentId", command.IncidentId));
        if (Find(template, campaign, command.IncidentId, out var phase) is not { } incident) return Refusal(campaign, command.IncidentId, phase)!;
        var activity = phase!.Workflow.Find(incident.ActivityId)!;
        var ports = activity.IsMultiInstance ? [Activities.ActivityDescriptor.DonePort] : ConnectionResolver.Ports(activity);
        var arguments = new[] { ("incidentId", incident.Id), ("activityId", incident.ActivityId), ("ports", string.Join(", ", ports)) };
        var port = command.Outcome is { Length: > 0 } named
            ? ports.FirstOrDefault(p => p == named)
            : ports.FirstOrDefault(p => p == Activities.ActivityDescriptor.DonePort);
        if (port is null && command.Outcome is { Length: > 0 } wrong)
            return CampaignEngine.Refuse(IncidentCodes.OutcomeInvalid,
                $"'{wrong}' is not an outcome of '{incident.ActivityId}'; skip it with one of: {string.Join(", ", ports)}.",
                [.. arguments, ("outcome", wrong)]);
        if (port is null)
            return CampaignEngine.Refuse(IncidentCodes.CannotSkip,
                $"'{incident.ActivityId}' has no Done outcome to continue by, so skipping it must name the branch to take: one of {string.Join(", ", ports)}.",
                arguments);
        var log = new IncidentLog(campaign, command.Actor);
        log.Emit(new IncidentSkipped(now, incident.Id, command.Actor, command.OnBehalfOf, reason, port));
        return Run(log, phase, campaign, new SkipActivity(command.Actor, incident.ActivityId, incident.Iteration, port), now);
    }

    private static CampaignResult Run(IncidentLog log, CompiledPhase phase, CampaignInstance campaign, WorkflowCommand command, DateTimeOffset now)
    {
        var step = FlowchartInterpreter.Execute(phase.Workflow, campaign.Workflow!, command, now);
        if (step.Rejection is { } rejection) return CampaignEngine.Refuse(rejection.Code, rejection.Message, [.. rejection.Arguments.Select(a => (a.Key, a.Value))]);
        foreach (var e in step.Events) log.Emit(new PhaseWorkflowEvent(e.At, phase.Id, campaign.Round, e));
        return log.Finish();
    }

    /// <summary>The open incident with its phase, or null (and the phase, when the campaign is in one) for <see cref="Refusal"/>.</summary>
    private static Incident? Find(CompiledTemplate template, CampaignInstance campaign, string id, out CompiledPhase? phase)
    {
        phase = campaign.Workflow is null ? null : template.FindPhase(campaign.State);
        return phase is not null && !campaign.Suspended && campaign.Incidents?.GetValueOrDefault(id) is { } incident
               && incident.PhaseId == phase.Id && incident.Round == campaign.Round
            ? incident
            : null;
    }

    private static CampaignResult? Refusal(CampaignInstance campaign, string id, CompiledPhase? phase)
    {
        if (campaign.Incidents?.ContainsKey(id) != true)
            return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= campaign.IncidentCount
                   && number.ToString(CultureInfo.InvariantCulture) == id
                ? CampaignEngine.Refuse(IncidentCodes.AlreadyResolved,
                    $"Incident '{id}' is already resolved; its history says how (GET its campaign's incidents).", ("incidentId", id))
                : CampaignEngine.Refuse(IncidentCodes.NotFound,
                    $"This campaign has no incident '{id}'; its incidents are numbered 1 to {campaign.IncidentCount}.",
                    ("incidentId", id), ("count", campaign.IncidentCount.ToString(CultureInfo.InvariantCulture)));
        if (campaign.Suspended)
            return CampaignEngine.Refuse(CampaignRefusalCodes.Suspended,
                $"The campaign is suspended in phase '{campaign.State}'; resume it before acting on its incidents.", ("phase", campaign.State));
        // An open incident is always of the current round (leaving a phase withdraws them): reaching here is a bug.
        throw new InvalidOperationException($"Incident '{id}' is open but not of the current phase round ({CampaignEngine.Describe(campaign.State)}).");
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
