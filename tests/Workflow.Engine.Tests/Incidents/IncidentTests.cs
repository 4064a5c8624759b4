using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Incidents;
using Workflow.Engine.Serialization;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.Flow;

namespace Workflow.Engine.Tests.Incidents;

/// <summary>
/// A faulted step is an incident an operator retries or skips, on the record; the state stays the fold of the events.
/// The phase: start ─► fork ─A─► prepare ─► check(variables.ready) ─True/False─► finish ─► join(WaitAll) ─► end
///                          └B─► supply ─► markReady(ready = true) ───────────────────────────┘
/// "check" faults while ready is still null (not a boolean), and runs once supply's branch has set it.
/// </summary>
public sealed class IncidentTests
{
    private static readonly Lazy<CompiledTemplate> Template = new(() =>
    {
        var phase = new Flow().Variable("ready", "null").Activity("start", "Elsa.Start")
            .Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B" } })
            .Task("prepare").Activity("check", "Elsa.FlowDecision", new { condition = Expression("variables.ready") })
            .Task("finish").Task("supply").Activity("markReady", "Elsa.SetVariable", new { variable = "ready", value = Expression("true") })
            .Activity("join", "Elsa.FlowJoin", new { mode = "WaitAll" }).Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "prepare", "A").Connect("fork", "supply", "B")
            .Connect("prepare", "check").Connect("check", "finish", "True").Connect("check", "finish", "False").Chain("finish", "join", "end")
            .Chain("supply", "markReady", "join")
            .ToJson("incident-phase");
        const string template = """
            { "definitionId": "incident-campaign", "version": 1, "name": "事件测试",
              "phases": [ { "id": "work", "name": "办理", "workflow": { "definitionId": "incident-phase", "version": 1 } } ] }
            """;
        var load = DefinitionLibrary.Load([new("phase.json", phase), new("template.json", template)]);
        return load.Library.FindTemplate("incident-campaign", 1) ?? throw new InvalidOperationException(string.Join("\n", load.Problems));
    });

    private static readonly object Held = new { heldOn = "2023-06-10" };

    /// <summary>Started, and "prepare" completed so that "check" faults.</summary>
    private static CampaignRun Faulted()
    {
        var run = CampaignRun.Create(Template.Value, new { });
        run.Fire(CampaignTrigger.Start);
        run.Complete("prepare:1", Held);
        return run;
    }

    [Fact]
    public void AFault_OpensAnIncident_RightAfterIt()
    {
        var run = Faulted();
        var incident = Assert.Single(run.State.OpenIncidents);
        Assert.Equal(("1", "work", 1, "check", 1, "expression.not_boolean", 1),
            (incident.Id, incident.PhaseId, incident.Round, incident.ActivityId, incident.Iteration, incident.Code, incident.Attempts));
        Assert.Equal(1, run.State.IncidentCount);
        var fault = run.Events.Select((e, i) => (e, i)).Single(p => p.e is PhaseWorkflowEvent { Event: ActivityFaulted });
        Assert.IsType<IncidentOpened>(run.Events[fault.i + 1]);
        Assert.Equal(WorkflowStatus.Running, run.State.Workflow!.Status);
    }

    [Fact]
    public void ARetryThatFaultsAgain_KeepsTheIncidentOpen_WithOneMoreAttempt()
    {
        var run = Faulted();
        var retried = run.TryRetry("1", "try once more");
        Assert.True(retried.Accepted, retried.Refusal?.Message);
        Assert.Equal([typeof(IncidentRetried), typeof(PhaseWorkflowEvent), typeof(IncidentRetryFailed)], retried.Events.Select(e => e.GetType()));
        var incident = Assert.Single(run.State.OpenIncidents);
        Assert.Equal(2, incident.Attempts);
        Assert.Equal(run.Now, incident.FaultedAt);
        // The same activity instance ran again: one fault, at the same iteration, not a new one beside it.
        Assert.Equal(("check", 1), Assert.Single(run.State.Workflow!.Faults) is var f ? (f.ActivityId, f.Iteration) : default);
        Assert.Equal(1, run.State.Workflow.IterationOf("check"));
    }

    [Fact]
    public void ARetry_AfterTheDataIsPutRight_RunsTheStep_AndTheFlowGoesOn()
    {
        var run = Faulted();
        run.Complete("supply:1", Held);
        Assert.True(run.State.Workflow!.Variables["ready"].GetBoolean());
        Assert.Single(run.State.OpenIncidents);

        var retried = run.TryRetry("1", actor: "ops.wang");
        Assert.True(retried.Accepted, retried.Refusal?.Message);
        Assert.Empty(run.State.OpenIncidents);
        Assert.Null(run.State.Incidents);
        Assert.Equal(["finish:1"], run.ActiveTaskIds);
        Assert.Empty(run.State.Workflow!.Faults);
        var decided = retried.Events.OfType<PhaseWorkflowEvent>().Select(e => e.Event).OfType<ActivityCompleted>().Single(e => e.ActivityId == "check");
        Assert.Equal((1, "True"), (decided.Iteration, decided.Port));
        Assert.Equal("ops.wang", Assert.Single(retried.Events.OfType<IncidentResolved>()).Actor);
    }

    [Fact]
    public void Skipping_NeedsAReason_AndADecisionItsBranch()
    {
        var run = Faulted();
        Assert.Equal(IncidentCodes.SkipReasonRequired, run.TrySkip("1", "  ").Refusal!.Code);
        var refused = run.TrySkip("1", "数据无法补齐").Refusal!;
        Assert.Equal(IncidentCodes.CannotSkip, refused.Code);
        Assert.Equal("True, False", refused.Arguments["ports"]);
        Assert.Equal(IncidentCodes.OutcomeInvalid, run.TrySkip("1", "数据无法补齐", "Maybe").Refusal!.Code);
        Assert.Single(run.State.OpenIncidents);
    }

    [Fact]
    public void ASkip_LeavesByTheBranchNamed_OnTheRecordWithItsReason()
    {
        var run = Faulted();
        var skipped = run.TrySkip("1", "条件已由党委确认", "True", actor: "ops.li");
        Assert.True(skipped.Accepted, skipped.Refusal?.Message);
        var record = Assert.IsType<IncidentSkipped>(skipped.Events[0]);
        Assert.Equal(("1", "ops.li", "条件已由党委确认", "True"), (record.IncidentId, record.Actor, record.Reason, record.Port));
        Assert.Equal(["supply:1", "finish:1"], run.ActiveTaskIds);
        Assert.Null(run.State.Incidents);
        Assert.Empty(run.State.Workflow!.Faults);
    }

    [Fact]
    public void AResolvedIncident_CannotBeRetried_AndAnUnknownOneIsNotFound()
    {
        var run = Faulted();
        Assert.True(run.TrySkip("1", "跳过", "False").Accepted);
        Assert.Equal(IncidentCodes.AlreadyResolved, run.TryRetry("1").Refusal!.Code);
        Assert.Equal(IncidentCodes.AlreadyResolved, run.TrySkip("1", "again", "False").Refusal!.Code);
        Assert.Equal(IncidentCodes.NotFound, run.TryRetry("2").Refusal!.Code);
        Assert.Equal(IncidentCodes.NotFound, run.TryRetry("x").Refusal!.Code);
        Assert.Equal(IncidentCodes.NotFound, run.TryRetry("01").Refusal!.Code);
    }

    [Fact]
    public void ASuspendedCampaign_TakesNoIncidentCommands()
    {
        var run = Faulted();
        run.Fire(CampaignTrigger.Suspend);
        Assert.Equal(CampaignRefusalCodes.Suspended, run.TryRetry("1").Refusal!.Code);
        run.Fire(CampaignTrigger.Resume);
        Assert.True(run.TryRetry("1").Accepted);
    }

    [Fact]
    public void EndingThePhase_WithdrawsItsOpenIncidents()
    {
        var run = Faulted();
        run.Fire(CampaignTrigger.Cancel, "活动取消");
        Assert.Null(run.State.Incidents);
        var withdrawn = Assert.Single(run.Events.OfType<IncidentWithdrawn>());
        Assert.Equal("1", withdrawn.IncidentId);
        Assert.Equal(IncidentCodes.AlreadyResolved, run.TryRetry("1").Refusal!.Code);
    }

    [Fact]
    public void TheLedgerReplays_ToTheStateKept_ThroughEveryIncidentCommand()
    {
        var run = Faulted();
        run.TryRetry("1");
        run.Complete("supply:1", Held);
        run.TryRetry("1");
        run.Complete("finish:1", Held);
        Assert.Equal(WorkflowStatus.Completed, run.State.Workflow!.Status);
        AssertReplays(run);

        var skipped = Faulted();
        skipped.TrySkip("1", "跳过", "False");
        skipped.Complete("finish:1", Held);
        skipped.Complete("supply:1", Held);
        Assert.Equal(WorkflowStatus.Completed, skipped.State.Workflow!.Status);
        AssertReplays(skipped);

        var open = Faulted();
        open.TryRetry("1");
        AssertReplays(open);
    }

    /// <summary>The stored events, read back and folded, give the state the commands gave; compacting changes nothing.</summary>
    private static void AssertReplays(CampaignRun run)
    {
        var kept = JsonSerializer.Serialize(run.State, EngineJson.Options);
        var events = JsonSerializer.Deserialize<List<CampaignEvent>>(JsonSerializer.Serialize(run.Events, EngineJson.Options), EngineJson.Options)!;
        var replayed = CampaignEvolver.Replay(events);
        Assert.Equal(kept, JsonSerializer.Serialize(replayed, EngineJson.Options));
        var compacted = replayed with { Workflow = WorkflowEvolver.Compact(replayed.Workflow!) };
        Assert.Equal(kept, JsonSerializer.Serialize(compacted, EngineJson.Options));
        Assert.Equal(kept, JsonSerializer.Serialize(JsonSerializer.Deserialize<CampaignInstance>(kept, EngineJson.Options), EngineJson.Options));
    }

    [Fact]
    public void ASnapshotWithoutIncidents_ReadsAsOneThatNeverHadAny()
    {
        // Stored before incidents existed: no "incidents" or "incidentCount" at all.
        var run = CampaignRun.Create(Template.Value, new { });
        var json = JsonSerializer.SerializeToNode(run.State, EngineJson.Options)!.AsObject();
        json.Remove("incidents");
        json.Remove("incidentCount");
        var read = JsonSerializer.Deserialize<CampaignInstance>(json.ToJsonString(), EngineJson.Options)!;
        Assert.Equal(JsonSerializer.Serialize(run.State, EngineJson.Options), JsonSerializer.Serialize(read, EngineJson.Options));
    }
}
