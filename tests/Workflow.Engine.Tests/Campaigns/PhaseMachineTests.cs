using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.SeedFigures;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>
/// The phase machine over the seed template:
///   $notStarted ─Start─► study ─Advance─► analysis ─Advance─► rectification ─Complete─► $completed
///   (any phase) ─Cancel─► $cancelled ; later phases ─SendBack(target)─► an earlier phase ; Suspend/Resume stay in place.
/// </summary>
public sealed class PhaseMachineTests
{
    [Fact]
    public void Start_EntersTheFirstPhase_AndRecordsTheTransition()
    {
        var run = CampaignRun.Seed();
        Assert.Equal(CampaignStates.NotStarted, run.State.State);
        var started = run.Fire(CampaignTrigger.Start, "区委部署", actor: "admin");
        var transition = started.Events.OfType<PhaseTransitioned>().Single().Transition;
        Assert.Equal((CampaignStates.NotStarted, "study", CampaignTrigger.Start, "admin", "区委部署"),
            (transition.From, transition.To, transition.Trigger, transition.Actor, transition.Reason));
        Assert.Equal(run.Now, transition.At);
        Assert.Equal(["studyMobilization:1"], run.ActiveTaskIds);
    }

    [Fact]
    public void Advance_BeforeThePhaseIsDone_IsRefusedWithEveryGateAndWhatItWaitsFor()
    {
        var run = CampaignRun.Seed();
        run.Fire(CampaignTrigger.Start);
        var refused = run.TryFire(CampaignTrigger.Advance);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, refused.Refusal!.Code);
        Assert.Equal(["studyMobilization:1"], refused.Refusal.WaitingFor.ToArray());
        Assert.Equal(["researchRecorded", "summaryApproved"], refused.Refusal.Gates.Select(g => g.GateId).Order(StringComparer.Ordinal));
        Assert.All(refused.Refusal.Gates, g => Assert.Equal(Gates.GateState.Pending, g.State));
        Assert.Empty(refused.Events);
        Assert.Equal("study", run.State.State);
    }

    [Fact]
    public void UnknownOrImpossibleTriggers_AreRefusedWithAReason_NeverAnException()
    {
        var run = CampaignRun.Seed();
        var advance = run.TryFire(CampaignTrigger.Advance);
        Assert.Contains("not possible when the campaign is not started", advance.Refusal!.Message);
        var complete = run.TryFire(CampaignTrigger.Complete);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, complete.Refusal!.Code);
        run.Fire(CampaignTrigger.Start);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Start).Refusal!.Code);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Resume).Refusal!.Code);
    }

    [Fact]
    public void SuspendAndResume_ReturnExactlyToThePhaseAndTasksLeft()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        run.Complete("mobilizationMeeting:1", Meeting("2023-06-10"));
        var before = StateJson.Of(run.State.Workflow);

        run.Fire(CampaignTrigger.Suspend, "上级检查期间暂停");
        Assert.True(run.State.Suspended);
        var blocked = run.TryComplete("collectOpinions:1", Opinions());
        Assert.Equal(CampaignRefusalCodes.Suspended, blocked.Refusal!.Code);
        Assert.Contains(PhaseGuards.NotSuspended, run.TryFire(CampaignTrigger.Advance).Refusal!.UnmetGuards);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Suspend).Refusal!.Code);

        run.Fire(CampaignTrigger.Resume, "检查结束");
        Assert.False(run.State.Suspended);
        Assert.Equal("analysis", run.State.State);
        Assert.Equal(before, StateJson.Of(run.State.Workflow));
        run.Complete("collectOpinions:1", Opinions());
    }

    [Fact]
    public void SendBack_NeedsAReason_AndAnEarlierPhase_ThenRestartsThatPhaseInANewRound()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        Assert.Equal(CampaignRefusalCodes.ReasonRequired, run.TryFire(CampaignTrigger.SendBack, target: "study").Refusal!.Code);
        Assert.Equal(CampaignRefusalCodes.PhaseUnknown, run.TryFire(CampaignTrigger.SendBack, "x", "nowhere").Refusal!.Code);
        var forward = run.TryFire(CampaignTrigger.SendBack, "x", "rectification");
        Assert.Equal([PhaseGuards.EarlierPhase], forward.Refusal!.UnmetGuards.ToArray());

        var sent = run.Fire(CampaignTrigger.SendBack, "学习调研不够深入，重新开展", "study");
        var cancelled = sent.Events.OfType<PhaseWorkflowEvent>().Where(e => e.PhaseId == "analysis").Select(e => e.Event).ToList();
        Assert.Contains(cancelled, e => e is TaskCancelled { TaskId: "mobilizationMeeting:1" });
        Assert.Contains(cancelled, e => e is WorkflowCancelled);
        var transition = sent.Events.OfType<PhaseTransitioned>().Single().Transition;
        Assert.Equal(("analysis", "study", "学习调研不够深入，重新开展"), (transition.From, transition.To, transition.Reason));
        Assert.Equal("study", transition.Parameters.GetProperty("targetPhase").GetString());
        Assert.Equal(("study", 2), (run.State.State, run.State.Round));
        Assert.Equal(["studyMobilization:1"], run.ActiveTaskIds);
    }

    [Fact]
    public void Cancel_StopsTheCampaignForGood()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        run.Fire(CampaignTrigger.Cancel, "活动取消");
        Assert.Equal(CampaignStates.Cancelled, run.State.State);
        Assert.Equal(WorkflowStatus.Cancelled, run.State.Workflow!.Status);
        Assert.Equal(CampaignRefusalCodes.NotInPhase, run.TryComplete("mobilizationMeeting:1", Meeting("2023-06-10")).Refusal!.Code);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Resume).Refusal!.Code);
    }

    [Fact]
    public void Complete_FromTheLastPhase_FinishesTheCampaign()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        SeedAnalysisPhaseTests.RunToAppraisal(run);
        run.Complete("massAppraisal:1", Appraisal(45, 45));
        run.Complete("phaseSummary:1", Document("summary"));
        run.Fire(CampaignTrigger.Advance);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Advance).Refusal!.Code);

        run.Complete("rectificationMeeting:1", Meeting("2023-07-01"));
        run.CompleteAll("rectifyFinding", t => new { summary = "已整改", evidence = Documents($"evidence-{t.Unit}") });
        run.Complete("rectificationReport:1", Document("rectification-report"));
        run.Complete("rectificationReview:1", new { }, "Approved");
        Assert.Equal(WorkflowStatus.Completed, run.State.Workflow!.Status);

        var done = run.Fire(CampaignTrigger.Complete, "整改落实完成");
        Assert.Equal(CampaignStates.Completed, run.State.State);
        Assert.Contains(done.Events, e => e is GatesEvaluated { PhaseId: "rectification" });
        Assert.Equal([CampaignTrigger.Start, CampaignTrigger.Advance, CampaignTrigger.Advance, CampaignTrigger.Complete],
            run.State.Transitions.Select(t => t.Trigger));
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, run.TryFire(CampaignTrigger.Cancel).Refusal!.Code);
    }

    [Fact]
    public void Assess_ListsEveryTrigger_WithWhyItIsOrIsNotPermitted()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        var assessment = run.Assess();
        var byTrigger = assessment.Triggers.ToLookup(t => t.Trigger);
        Assert.True(byTrigger[CampaignTrigger.Suspend].Single().Permitted);
        Assert.True(byTrigger[CampaignTrigger.Cancel].Single().Permitted);
        Assert.False(byTrigger[CampaignTrigger.Resume].Single().Permitted);
        var advance = byTrigger[CampaignTrigger.Advance].Single();
        Assert.False(advance.Permitted);
        Assert.Contains(advance.Reasons, r => r.Contains("waiting for mobilizationMeeting:1"));
        Assert.Contains(advance.Reasons, r => r.StartsWith("exit gates not met") && r.Contains("appraisalSatisfaction is pending"));
        var sendBack = byTrigger[CampaignTrigger.SendBack].ToList();
        Assert.Contains(sendBack, t => t.TargetPhase == "study" && t.Permitted);
        Assert.Contains(sendBack, t => t.TargetPhase == "rectification" && !t.Permitted);
    }

    [Fact]
    public void Diagram_ExportsThePhasesAsMermaidAndDot()
    {
        var mermaid = CampaignEngine.DiagramMermaid(Support.Definitions.SeedTemplate);
        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart());
        Assert.Contains("study --> analysis : Advance", mermaid);
        Assert.Contains("analysis --> rectification : Advance", mermaid);
        Assert.Contains("Complete", mermaid);
        var dot = CampaignEngine.DiagramDot(Support.Definitions.SeedTemplate);
        Assert.StartsWith("digraph", dot.TrimStart());
        Assert.Contains("\"study\" -> \"analysis\"", dot);
        Assert.Contains(PhaseGuards.GatesMet, dot);
    }

    [Fact]
    public void Create_WithBadParameters_ReportsEveryProblem()
    {
        var result = CampaignEngine.Create(Support.Definitions.SeedTemplate,
            JsonData.Of(new { teamMembers = "all", satisfactionThreshold = 1.5, extra = 1 }), "admin", CampaignRun.Day0);
        Assert.Equal(CampaignRefusalCodes.InputsInvalid, result.Refusal!.Code);
        var fields = result.Refusal.FieldErrors.Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("/partyGroups", "input.required"), fields);
        Assert.Contains(("/teamMembers", "input.invalid"), fields);
        Assert.Contains(("/satisfactionThreshold", "input.invalid"), fields);
        Assert.Contains(("/extra", "input.unknown"), fields);
        Assert.Null(result.State);
    }

    [Fact]
    public void Create_FillsInTheTemplateDefaults()
    {
        var run = CampaignRun.Seed();
        Assert.Equal(0.8, run.State.Variables["satisfactionThreshold"].GetDouble());
        Assert.Equal(0.6, run.State.Variables["formReturnRateThreshold"].GetDouble());
        Assert.Equal(40, run.State.Variables["minimumTalks"].GetInt32());
        Assert.Equal(4, run.State.Variables["minimumRulesIssued"].GetInt32());
        Assert.Equal(1, run.State.Variables["minimumResearchFindings"].GetInt32());
    }
}
