using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Gates;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// The campaign engine's front door: create a campaign, fire phase triggers, run task commands in
/// the current phase, and assess where it stands. Pure: state, command and time in; state and events out.
/// </summary>
public static class CampaignEngine
{
    public static CampaignResult Create(CompiledTemplate template, JsonElement? parameters, string actor, DateTimeOffset now)
    {
        var (inputs, problems) = CampaignInputs.Resolve(template, parameters);
        if (!problems.IsEmpty)
            return Refuse(CampaignRefusalCodes.InputsInvalid,
                $"The campaign parameters do not fit {template.Identity}: {string.Join(" ", problems.Select(p => p.Message))}",
                fieldErrors: problems);
        var created = new CampaignCreated(now, template.Identity, actor, inputs);
        return new CampaignResult(CampaignEvolver.Apply(null, created), [created], null);
    }

    public static CampaignResult Fire(CompiledTemplate template, CampaignInstance campaign, TriggerCommand command, DateTimeOffset now)
    {
        if (command.Trigger == CampaignTrigger.SendBack)
        {
            if (string.IsNullOrWhiteSpace(command.Reason))
                return Refuse(CampaignRefusalCodes.ReasonRequired, "Sending a campaign back to an earlier phase needs a reason.");
            if (command.TargetPhase is null || template.FindPhase(command.TargetPhase) is null)
                return Refuse(CampaignRefusalCodes.PhaseUnknown,
                    $"'{command.TargetPhase}' is not a phase of {template.Identity}; its phases are: {string.Join(", ", template.Phases.Select(p => p.Id))}.",
                    ("phase", command.TargetPhase ?? ""));
        }
        var snapshot = Snapshot(template, campaign);
        var state = campaign.State;
        var machine = new PhaseMachine(template, () => state, s => state = s, snapshot);
        if (!machine.CanFire(command.Trigger, command.TargetPhase, out var unmet))
            return NotPermitted(campaign, command, snapshot, unmet);
        machine.Fire(command.Trigger, command.TargetPhase);
        return new CampaignStep(template, campaign, now, command.Actor).Transition(command, campaign.State, state, snapshot);
    }

    public static CampaignResult Execute(CompiledTemplate template, CampaignInstance campaign, WorkflowCommand command, DateTimeOffset now)
    {
        if (!CampaignStates.IsPhase(campaign.State) || campaign.Workflow is null || template.FindPhase(campaign.State) is not { } phase)
            return Refuse(CampaignRefusalCodes.NotInPhase,
                $"The campaign is not in a phase ({Describe(campaign.State)}), so it has no tasks to act on.", ("state", campaign.State));
        if (campaign.Suspended)
            return Refuse(CampaignRefusalCodes.Suspended,
                $"The campaign is suspended in phase '{campaign.State}'; resume it before acting on its tasks.", ("phase", campaign.State));
        var step = FlowchartInterpreter.Execute(phase.Workflow, campaign.Workflow, command, now);
        if (step.Rejection is { } rejection)
            return new CampaignResult(null, [], new CampaignRefusal(rejection.Code, rejection.Message, rejection.Arguments, [], [], [],
                rejection.FieldErrors.IsDefault ? [] : rejection.FieldErrors));
        var log = new Incidents.IncidentLog(campaign, command.Actor);
        foreach (var e in step.Events) log.Emit(new PhaseWorkflowEvent(e.At, phase.Id, campaign.Round, e));
        return log.Finish();
    }

    /// <summary>
    /// The current phase's deadline passed: accepted once per phase round, while the phase is current
    /// and the campaign not suspended. The host names the recipients (the campaign's creator, configured operators).
    /// </summary>
    public static CampaignResult PassPhaseDeadline(
        CompiledTemplate template, CampaignInstance campaign, string phaseId, int round, ImmutableArray<string> recipients, DateTimeOffset now)
    {
        if (campaign.State != phaseId || campaign.Round != round || campaign.PhaseDeadline is not { } due || campaign.PhaseDeadlinePassedAt is not null)
            return Refuse(RejectionCodes.TimerStale,
                $"The deadline of phase '{phaseId}' (round {round}) has nothing to do: the campaign is {Describe(campaign.State)}, round {campaign.Round}.",
                ("phase", phaseId));
        if (campaign.Suspended)
            return Refuse(CampaignRefusalCodes.Suspended, $"The campaign is suspended in phase '{campaign.State}'; its timers wait.", ("phase", campaign.State));
        var passed = new PhaseDeadlinePassed(now, phaseId, round, due, recipients);
        return new CampaignResult(CampaignEvolver.Apply(campaign, passed), [passed], null);
    }

    /// <summary>Where the campaign stands: gates, what the phase waits for, and every trigger with why it is or is not allowed.</summary>
    public static CampaignAssessment Assess(CompiledTemplate template, CampaignInstance campaign)
    {
        var snapshot = Snapshot(template, campaign);
        var triggers = ImmutableArray.CreateBuilder<TriggerAvailability>();
        foreach (var trigger in Enum.GetValues<CampaignTrigger>())
        {
            var targets = trigger == CampaignTrigger.SendBack ? template.Phases.Select(p => (string?)p.Id) : [null];
            foreach (var target in targets)
            {
                var state = campaign.State;
                var machine = new PhaseMachine(template, () => state, s => state = s, snapshot);
                var permitted = machine.CanFire(trigger, target, out var unmet);
                if (trigger == CampaignTrigger.SendBack && !permitted && unmet.Count == 0) continue;
                triggers.Add(new TriggerAvailability(trigger, target, permitted,
                    permitted ? [] : Reasons(campaign, trigger, snapshot, unmet)));
            }
        }
        return new CampaignAssessment(campaign.State, campaign.Suspended, snapshot.WorkflowFinished, snapshot.WaitingFor, snapshot.Gates, triggers.ToImmutable());
    }

    /// <summary>The template's phase machine as a Mermaid state diagram.</summary>
    public static string DiagramMermaid(CompiledTemplate template) => PhaseMachine.Mermaid(template);

    /// <summary>The template's phase machine as a Graphviz DOT graph.</summary>
    public static string DiagramDot(CompiledTemplate template) => PhaseMachine.Dot(template);

    internal static PhaseSnapshot Snapshot(CompiledTemplate template, CampaignInstance campaign)
    {
        if (campaign.Workflow is not { } workflow || template.FindPhase(campaign.State) is not { } phase)
            return new PhaseSnapshot(campaign.Suspended, false, [], []);
        return new PhaseSnapshot(
            campaign.Suspended,
            workflow.Status == WorkflowStatus.Completed,
            [.. workflow.ActiveTasks.Select(t => t.Id)],
            GateEvaluator.Evaluate(phase.Gates, workflow));
    }

    private static CampaignResult NotPermitted(CampaignInstance campaign, TriggerCommand command, PhaseSnapshot snapshot, ICollection<string> unmet)
    {
        var reasons = Reasons(campaign, command.Trigger, snapshot, unmet);
        var gates = unmet.Contains(PhaseGuards.GatesMet) ? snapshot.Gates : [];
        return new CampaignResult(null, [], new CampaignRefusal(
            CampaignRefusalCodes.TriggerNotPermitted,
            $"{command.Trigger} is not permitted now ({Describe(campaign.State)}): {Texts.EngineText.List("list.semicolon", reasons).Render(Texts.EngineTexts.English)}.",
            new Dictionary<string, string> { ["trigger"] = command.Trigger.ToString(), ["state"] = campaign.State },
            [.. unmet], gates, unmet.Contains(PhaseGuards.WorkflowFinished) ? snapshot.WaitingFor : [], []) { Reasons = reasons });
    }

    /// <summary>Why each failed guard failed, as catalog texts: the API renders them in the caller's language.</summary>
    private static ImmutableArray<Texts.EngineText> Reasons(CampaignInstance campaign, CampaignTrigger trigger, PhaseSnapshot snapshot, ICollection<string> unmet)
    {
        if (unmet.Count == 0) return [Texts.EngineText.Of("guard.not_possible", ("trigger", TriggerText(trigger)), ("state", StateText(campaign.State)))];
        return [.. unmet.Select(guard => guard switch
        {
            PhaseGuards.WorkflowFinished => snapshot.WaitingFor.IsDefaultOrEmpty
                ? Texts.EngineText.Of("guard.workflow_unfinished_plain")
                : Texts.EngineText.Of("guard.workflow_unfinished", ("tasks", string.Join(", ", snapshot.WaitingFor))),
            PhaseGuards.GatesMet => Texts.EngineText.Of("guard.gates_unmet", ("gates", Texts.EngineText.List("list.comma",
                snapshot.Gates.Where(g => g.State != GateState.Met).Select(GateText)))),
            PhaseGuards.NotSuspended => Texts.EngineText.Of("guard.not_suspended"),
            PhaseGuards.IsSuspended => Texts.EngineText.Of("guard.is_suspended"),
            PhaseGuards.EarlierPhase => Texts.EngineText.Of("guard.earlier_phase"),
            _ => Texts.EngineText.Of(guard),
        })];
    }

    /// <summary>A gate in a refusal: its id (English) or display name (Chinese), its state and the values it saw.</summary>
    private static Texts.EngineText GateText(GateResult gate) => Texts.EngineText.Of("guard.gate",
        ("gateId", gate.GateId), ("name", Texts.EngineText.Own(gate.DisplayNames, gate.Name)),
        ("state", Texts.EngineText.Of("gate.state." + gate.State.ToString().ToLowerInvariant())),
        ("seen", gate.Observed.Count == 0
            ? Texts.EngineText.Of("text.empty")
            : Texts.EngineText.Of("gate.seen", ("values", Texts.EngineText.List("list.comma_in_parentheses", gate.Observed.Select(o =>
                Texts.EngineText.Of("gate.observed", ("path", o.Key), ("value", o.Value is { } v ? v.GetRawText() : Texts.EngineText.Of("value.missing")))))))));

    /// <summary>A trigger's name in the catalog (<c>trigger.advance</c>).</summary>
    public static Texts.EngineText TriggerText(CampaignTrigger trigger) =>
        Texts.EngineText.Of("trigger." + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(trigger.ToString()));

    private static Texts.EngineText StateText(string state) => state switch
    {
        CampaignStates.NotStarted => Texts.EngineText.Of("state.not_started"),
        CampaignStates.Completed => Texts.EngineText.Of("state.completed"),
        CampaignStates.Cancelled => Texts.EngineText.Of("state.cancelled"),
        _ => Texts.EngineText.Of("state.in_phase", ("phase", state)),
    };

    internal static string Describe(string state) => state switch
    {
        CampaignStates.NotStarted => "not started",
        CampaignStates.Completed => "completed",
        CampaignStates.Cancelled => "cancelled",
        _ => $"in phase '{state}'",
    };

    internal static CampaignResult Refuse(string code, string message, params (string Key, string Value)[] arguments) =>
        Refuse(code, message, default, arguments);

    private static CampaignResult Refuse(string code, string message, ImmutableArray<Activities.ResultFieldError> fieldErrors, params (string Key, string Value)[] arguments) =>
        new(null, [], new CampaignRefusal(code, message, arguments.ToDictionary(a => a.Key, a => a.Value), [], [], [],
            fieldErrors.IsDefault ? [] : fieldErrors));
}
