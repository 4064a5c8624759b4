using System.Collections.Immutable;
using System.Globalization;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;

namespace Workflow.Engine.Incidents;

/// <summary>
/// Collects a command's campaign events, applying each at once, and writes the incidents that phase workflow events
/// imply right after them: a fault opens one (or, while its incident is retried, fails the retry), the retried activity
/// running resolves it, and the workflow ending withdraws the rest. Every command that runs a phase workflow emits
/// through it, so no fault goes without its incident.
/// </summary>
internal sealed class IncidentLog(CampaignInstance state, string actor)
{
    private readonly ImmutableArray<CampaignEvent>.Builder _events = ImmutableArray.CreateBuilder<CampaignEvent>();
    private string? _retrying;
    private DateTimeOffset _retriedAt;

    public CampaignInstance State { get; private set; } = state;

    public void Emit(CampaignEvent e)
    {
        _events.Add(e);
        State = CampaignEvolver.Apply(State, e);
        if (e is PhaseWorkflowEvent w) Follow(w);
    }

    /// <summary>The next workflow events are the retry of this incident's activity instance.</summary>
    public void Retrying(string incidentId, DateTimeOffset at) => (_retrying, _retriedAt) = (incidentId, at);

    public CampaignResult Finish()
    {
        // A retried join that only records its arrival has still run.
        if (_retrying is { } id && Open(id) is not null) Resolve(id, _retriedAt);
        return new CampaignResult(State, _events.ToImmutable(), null);
    }

    private void Follow(PhaseWorkflowEvent w)
    {
        if (_retrying is { } id && Open(id) is { } retried && Concerns(w.Event, retried) is { } ran)
        {
            if (ran) Resolve(id, w.At);
            else
            {
                _retrying = null;
                var fault = (ActivityFaulted)w.Event;
                Emit(new IncidentRetryFailed(w.At, id, fault.Code, fault.Message));
            }
            return;
        }
        switch (w.Event)
        {
            case ActivityFaulted f:
                var number = (State.IncidentCount + 1).ToString(CultureInfo.InvariantCulture);
                Emit(new IncidentOpened(w.At, new Incident(number, w.PhaseId, w.Round, f.ActivityId, f.Iteration, f.Connection, f.Code, f.Message, f.At, f.At, 1)));
                break;
            case WorkflowCompleted or WorkflowCancelled:
                var why = w.Event is WorkflowCompleted ? "the phase workflow reached its end" : "the phase workflow was cancelled";
                foreach (var open in State.OpenIncidents.ToList()) Emit(new IncidentWithdrawn(w.At, open.Id, why));
                break;
        }
    }

    /// <summary>True when the event shows the retried activity instance ran, false when it faulted again, null when it is about something else.</summary>
    private static bool? Concerns(WorkflowEvent e, Incident incident) => e switch
    {
        ActivityFaulted f when f.ActivityId == incident.ActivityId && f.Iteration == incident.Iteration => false,
        ActivityCompleted c when c.ActivityId == incident.ActivityId && c.Iteration == incident.Iteration => true,
        TaskActivated a when a.ActivityId == incident.ActivityId && a.Iteration == incident.Iteration => true,
        DelayStarted d when d.ActivityId == incident.ActivityId && d.Iteration == incident.Iteration => true,
        JoinArrived j when j.JoinId == incident.ActivityId => true,
        _ => null,
    };

    private void Resolve(string id, DateTimeOffset at)
    {
        _retrying = null;
        Emit(new IncidentResolved(at, id, actor));
    }

    private Incident? Open(string id) => State.Incidents?.GetValueOrDefault(id);
}
