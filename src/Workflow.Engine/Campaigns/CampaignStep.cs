using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Compilation;
using Workflow.Engine.Expressions;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Values;

namespace Workflow.Engine.Campaigns;

/// <summary>
/// Carries out a transition the phase machine has permitted: records it, hands a phase's outputs
/// and findings to the campaign, and stops or starts phase workflows.
/// </summary>
internal sealed class CampaignStep(CompiledTemplate template, CampaignInstance campaign, DateTimeOffset now, string actor)
{
    // Through the incident log, so a fault in a phase just started opens its incident, and a cancelled phase withdraws its own.
    private readonly Incidents.IncidentLog _log = new(campaign, actor);

    private CampaignInstance State => _log.State;

    public CampaignResult Transition(TriggerCommand command, string from, string to, PhaseSnapshot snapshot)
    {
        var leaving = template.FindPhase(from);
        switch (command.Trigger)
        {
            case CampaignTrigger.Advance or CampaignTrigger.Complete:
                Emit(new GatesEvaluated(now, from, snapshot.Gates));
                if (HandOver(leaving!) is { } failed) return failed;
                break;
            case CampaignTrigger.SendBack or CampaignTrigger.Cancel when State.Workflow is { Status: WorkflowStatus.Running } && leaving is not null:
                var reason = command.Trigger == CampaignTrigger.SendBack ? $"Sent back to '{to}': {command.Reason}" : command.Reason;
                var cancel = FlowchartInterpreter.Execute(leaving.Workflow, State.Workflow, new CancelWorkflow(actor, reason), now);
                foreach (var e in cancel.Events) Emit(new PhaseWorkflowEvent(e.At, from, State.Round, e));
                break;
        }
        Emit(new PhaseTransitioned(now, new TransitionRecord(
            from, to, command.Trigger, actor, command.OnBehalfOf, command.Reason, Parameters(command), now,
            template.Identity.DefinitionId, template.Identity.Version)));
        if (command.Trigger is CampaignTrigger.Start or CampaignTrigger.Advance or CampaignTrigger.SendBack)
            StartPhase(template.FindPhase(to)!);
        return _log.Finish();
    }

    private void Emit(CampaignEvent e) => _log.Emit(e);

    /// <summary>Evaluates the phase's outputs and carries its findings into the campaign's variables.</summary>
    private CampaignResult? HandOver(CompiledPhase phase)
    {
        var workflow = State.Workflow!;
        var scope = new ExpressionScope(workflow.Inputs, workflow.Variables, workflow.Results, workflow.Findings);
        var values = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (variable, value) in phase.Outputs)
        {
            var outcome = value.Evaluate(scope);
            if (!outcome.Succeeded)
                return CampaignEngine.Refuse(CampaignRefusalCodes.OutputFailed,
                    $"The output '{variable}' of phase '{phase.Id}' could not be computed ({outcome.ErrorCode}: {outcome.ErrorMessage}); the phase was not left.",
                    ("phase", phase.Id), ("variable", variable));
            values[variable] = outcome.Value;
        }
        var carried = CampaignEvolver.Findings(State).AddRange(workflow.Findings.Select(f => Relabel(f, phase.Id, State.Round)));
        values[TemplateCompiler.FindingsVariable] = JsonValues.Array(carried);
        Emit(new CampaignVariablesSet(now, phase.Id, values.ToImmutable()));
        return null;
    }

    private void StartPhase(CompiledPhase phase)
    {
        var inputs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var input in phase.Workflow.Definition.Inputs)
        {
            if (State.Variables.TryGetValue(input.Name, out var value)) inputs[input.Name] = value;
            else if (input.Default is { } fallback) inputs[input.Name] = fallback;
            else inputs[input.Name] = JsonValues.Null;
        }
        if (phase.Definition.DeadlineFrom(now) is { } due) Emit(new PhaseDeadlineScheduled(now, phase.Id, State.Round, due));
        var start = FlowchartInterpreter.Start(phase.Workflow, inputs, actor, now);
        foreach (var e in start.Events) Emit(new PhaseWorkflowEvent(e.At, phase.Id, State.Round, e));
    }

    /// <summary>Finding ids are unique within a phase round; the campaign prefixes the phase and round.</summary>
    private static JsonElement Relabel(JsonElement finding, string phaseId, int round) => JsonValues.Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var property in finding.EnumerateObject())
        {
            if (property.NameEquals("id")) writer.WriteString("id", $"{phaseId}/{round}/{property.Value.GetString()}");
            else property.WriteTo(writer);
        }
        writer.WriteString("phase", phaseId);
        writer.WriteEndObject();
    });

    private static JsonElement Parameters(TriggerCommand command) => JsonValues.Write(writer =>
    {
        writer.WriteStartObject();
        if (command.TargetPhase is not null) writer.WriteString("targetPhase", command.TargetPhase);
        writer.WriteEndObject();
    });
}
