using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Gates;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.SeedFigures;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>
/// Replays the seed's analysis phase with its real figures, through the campaign engine.
///
///   mobilizationMeeting ─► forkWork ─┬─► collectOpinions ───┐
///                                    ├─► heartToHeartTalks ─┼─► joinBeforeDrafting ─► forkDrafting ─┬─► draftReport ─► guidanceReview ⇄ reviseReport
///                                    └─► studyAndRules ─────┘                                       │        memberComments ◄─┘ (Approved)
///                                                                                                   └─► personalStatements[member] ─► joinBeforeMeetings
///   joinBeforeMeetings ─► orgLifeMeeting[group] ─► democraticLifeMeeting ─► finalizeReport ─► massAppraisal ─► satisfactionReached
///                                                                               ▲                                  │ True ─► phaseSummary ─► end
///                                                                               └────────────── False ─────────────┘
/// </summary>
public sealed class SeedAnalysisPhaseTests
{
    [Fact]
    public void Analysis_WithTheSeedFigures_RunsEveryTaskAndCarriesFindingsIntoRectification()
    {
        var run = EnterAnalysis();
        Assert.Equal(["mobilizationMeeting:1"], run.ActiveTaskIds);

        run.Complete("mobilizationMeeting:1", Meeting("2023-06-10"));
        Assert.Equal(["collectOpinions:1", "heartToHeartTalks:1", "studyAndRules:1"], run.ActiveTaskIds);

        run.Complete("studyAndRules:1", new { documentsPlanned = 6, documentsIssued = 4 });
        run.Complete("heartToHeartTalks:1", new { talksHeld = 80 });
        Assert.Equal(["collectOpinions:1"], run.ActiveTaskIds);
        run.Complete("collectOpinions:1", Opinions());

        // The join fired once, and drafting runs beside one personal statement per team member.
        Assert.Equal(["draftReport:1", "personalStatements:1:0", "personalStatements:1:1", "personalStatements:1:2", "personalStatements:1:3"],
            run.ActiveTaskIds);
        Assert.Equal(["secretary.chen", "deputy.liu", "deputy.zhao", "inspector.sun"],
            run.ActiveTaskIds.Skip(1).Select(id => run.Task(id).Assignee));

        var early = Gates(run);
        Assert.Equal(GateState.Met, early["rulesIssued"].State);
        Assert.Equal(GateState.Met, early["formsReturned"].State);
        Assert.Equal(125.0 / 180, early["formsReturned"].Observed["results.collectOpinions.formReturnRate"]!.Value.GetDouble(), 10);
        Assert.Equal(0.6, early["formsReturned"].Observed["inputs.formReturnRateThreshold"]!.Value.GetDouble());
        Assert.Equal(GateState.Met, early["suggestionsAccountedFor"].State);
        Assert.Equal(GateState.Met, early["talksHeld"].State);
        Assert.Equal(GateState.Pending, early["reportApproved"].State);
        Assert.Equal(["guidanceReview", "memberComments"], early["reportApproved"].WaitingFor.ToArray());
        Assert.Equal(GateState.Pending, early["appraisalSatisfaction"].State);

        // The guidance group leader sends the first draft back: the loop runs through a revision.
        run.Complete("draftReport:1", Document("report-draft-1"));
        run.Complete("guidanceReview:1", new { comments = "问题查摆不够具体" }, "ChangesRequested");
        Assert.Contains("reviseReport:1", run.ActiveTaskIds);
        var retry = run.TryComplete("draftReport:1", Document("report-draft-1"));
        Assert.Equal(RejectionCodes.TaskNotActive, retry.Refusal!.Code);

        run.Complete("reviseReport:1", Document("report-draft-2"));
        run.Complete("guidanceReview:2", new { reviewedOn = "2023-06-15" }, "Approved");
        run.Complete("memberComments:1", new { commentCount = 5 }, "ChangesRequested");
        run.Complete("reviseReport:2", Document("report-draft-3"));
        run.Complete("guidanceReview:3", new { reviewedOn = "2023-06-17" }, "Approved");
        run.Complete("memberComments:2", new { commentCount = 0 }, "Approved");
        Assert.Equal(["personalStatements:1:0", "personalStatements:1:1", "personalStatements:1:2", "personalStatements:1:3"], run.ActiveTaskIds);

        run.CompleteAll("personalStatements", t => Document($"statement-{t.Unit}"));
        Assert.Equal(["orgLifeMeeting:1:0", "orgLifeMeeting:1:1", "orgLifeMeeting:1:2"], run.ActiveTaskIds);
        Assert.Equal(["leader.zhang", "leader.li", "leader.wang"], run.ActiveTaskIds.Select(id => run.Task(id).Assignee));

        run.CompleteAll("orgLifeMeeting", _ => Meeting("2023-06-20"));
        run.Complete("democraticLifeMeeting:1", DemocraticLifeMeeting());
        run.Complete("finalizeReport:1", Document("report-final"));
        Assert.Equal(["massAppraisal:1"], run.ActiveTaskIds);

        var before = run.TryFire(CampaignTrigger.Advance);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, before.Refusal!.Code);
        Assert.Equal(["massAppraisal:1"], before.Refusal.WaitingFor.ToArray());
        var pending = before.Refusal.Gates.Single(g => g.GateId == "appraisalSatisfaction");
        Assert.Equal(GateState.Pending, pending.State);
        Assert.Equal(["massAppraisal:1"], pending.WaitingFor.ToArray());

        run.Complete("massAppraisal:1", Appraisal(45, 45));
        Assert.Equal(["phaseSummary:1"], run.ActiveTaskIds);
        run.Complete("phaseSummary:1", Document("stage-summary"));
        Assert.Equal(WorkflowStatus.Completed, run.State.Workflow!.Status);

        var gates = Gates(run);
        Assert.All(gates.Values, g => Assert.Equal(GateState.Met, g.State));
        Assert.Equal(1.0, gates["appraisalSatisfaction"].Observed["results.massAppraisal.satisfaction"]!.Value.GetDouble());
        Assert.Equal(3, gates["everyPartyGroupMet"].Observed["results.orgLifeMeeting.length"]!.Value.GetInt32());

        var advance = run.Fire(CampaignTrigger.Advance, "分析检查阶段工作完成");
        var transition = advance.Events.OfType<PhaseTransitioned>().Single().Transition;
        Assert.Equal(("analysis", "rectification", CampaignTrigger.Advance, "party-secretary"),
            (transition.From, transition.To, transition.Trigger, transition.Actor));
        Assert.Equal(("scientific-outlook-campaign", 1), (transition.TemplateId, transition.TemplateVersion));
        Assert.Equal("分析检查阶段工作完成", transition.Reason);
        Assert.Equal(8, advance.Events.OfType<GatesEvaluated>().Single().Gates.Length);

        Assert.Equal(1.0, run.State.Variables["analysisSatisfaction"].GetDouble());
        Assert.Equal(125.0 / 180, run.State.Variables["formReturnRate"].GetDouble(), 10);
        var findings = run.State.Variables["findings"].EnumerateArray().ToList();
        Assert.Equal(1 + 11 + 3, findings.Count);
        Assert.Equal(11, findings.Count(f => f.GetProperty("sourceTaskId").GetString() == "collectOpinions:1"));
        Assert.Equal(3, findings.Count(f => f.GetProperty("sourceTaskId").GetString() == "democraticLifeMeeting:1"));
        Assert.Equal("analysis/1/democraticLifeMeeting:1/1", findings[12].GetProperty("id").GetString());
        Assert.Equal("study/1/researchVisits:1/1", findings[0].GetProperty("id").GetString());

        // Rectification turns each finding into an item, owned and due as the finding says.
        Assert.Equal("rectification", run.State.State);
        run.Complete("rectificationMeeting:1", Meeting("2023-07-01"));
        var items = run.State.Workflow!.ActiveTasks.Where(t => t.ActivityId == "rectifyFinding").ToList();
        Assert.Equal(15, items.Count);
        Assert.All(items, t => Assert.Equal("office.head", t.Assignee));
        Assert.All(items, t => Assert.Equal(new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero), t.DueAt));
        Assert.Equal("学习研讨不够深入", items[12].Item!.Value.GetProperty("title").GetString());
    }

    [Fact]
    public void Analysis_WhenSatisfactionIsBelowThreshold_RefusesAdvanceLoopsBackAndPassesOnSecondAppraisal()
    {
        var run = EnterAnalysis();
        RunToAppraisal(run);

        run.Complete("massAppraisal:1", Appraisal(45, 35));
        Assert.Equal(["finalizeReport:2"], run.ActiveTaskIds);

        var refused = run.TryFire(CampaignTrigger.Advance);
        Assert.False(refused.Accepted);
        Assert.Equal(CampaignRefusalCodes.TriggerNotPermitted, refused.Refusal!.Code);
        Assert.Equal([PhaseGuards.GatesMet, PhaseGuards.WorkflowFinished], refused.Refusal.UnmetGuards.Order(StringComparer.Ordinal));
        Assert.Equal(["finalizeReport:2"], refused.Refusal.WaitingFor.ToArray());
        var gate = refused.Refusal.Gates.Single(g => g.GateId == "appraisalSatisfaction");
        Assert.Equal(GateState.Unmet, gate.State);
        Assert.Equal(35.0 / 45, gate.Observed["results.massAppraisal.satisfaction"]!.Value.GetDouble(), 10);
        Assert.Equal(0.8, gate.Observed["inputs.satisfactionThreshold"]!.Value.GetDouble());
        Assert.All(refused.Refusal.Gates.Where(g => g.GateId != "appraisalSatisfaction"), g => Assert.Equal(GateState.Met, g.State));
        Assert.Contains("appraisalSatisfaction is unmet (inputs.satisfactionThreshold = 0.8, results.massAppraisal.satisfaction = 0.7777", refused.Refusal.Message);
        Assert.Contains("waiting for finalizeReport:2", refused.Refusal.Message);
        Assert.Equal("analysis", run.State.State);

        run.Complete("finalizeReport:2", Document("report-revised-after-appraisal"));
        run.Complete("massAppraisal:2", Appraisal(45, 45));
        run.Complete("phaseSummary:1", Document("stage-summary"));
        run.Fire(CampaignTrigger.Advance, "第二次测评满意率达标");
        Assert.Equal("rectification", run.State.State);
        Assert.Equal(1.0, run.State.Variables["analysisSatisfaction"].GetDouble());
    }

    [Fact]
    public void Analysis_ReplayingTheEvents_RebuildsTheCampaignExactly()
    {
        var run = EnterAnalysis();
        RunToAppraisal(run);
        run.Complete("massAppraisal:1", Appraisal(45, 30));

        var replayed = CampaignEvolver.Replay(run.Events);
        Assert.Equal(StateJson.Of(run.State), StateJson.Of(replayed));
    }

    /// <summary>A campaign through its study phase, now at the start of analysis.</summary>
    internal static CampaignRun EnterAnalysis()
    {
        var run = CampaignRun.Seed();
        run.Fire(CampaignTrigger.Start);
        run.Complete("studyMobilization:1", Meeting("2023-03-01"));
        run.Complete("centralizedStudy:1", new { heldOn = "2023-03-10", attendees = 40 });
        run.Complete("researchVisits:1", new { findings = new[] { Finding("师资不足", "problem") } });
        run.Complete("studySummary:1", Document("study-summary"));
        run.Complete("summaryApproval:1", new { reviewedOn = "2023-05-30" }, "Approved");
        run.Fire(CampaignTrigger.Advance, "区委转段发动大会后转入分析检查阶段");
        Assert.Equal("analysis", run.State.State);
        return run;
    }

    internal static void RunToAppraisal(CampaignRun run)
    {
        run.Complete("mobilizationMeeting:1", Meeting("2023-06-10"));
        run.Complete("collectOpinions:1", Opinions());
        run.Complete("heartToHeartTalks:1", new { talksHeld = 80 });
        run.Complete("studyAndRules:1", new { documentsPlanned = 6, documentsIssued = 4 });
        run.Complete("draftReport:1", Document("report-draft"));
        run.Complete("guidanceReview:1", new { }, "Approved");
        run.Complete("memberComments:1", new { }, "Approved");
        run.CompleteAll("personalStatements", t => Document($"statement-{t.Unit}"));
        run.CompleteAll("orgLifeMeeting", _ => Meeting("2023-06-20"));
        run.Complete("democraticLifeMeeting:1", DemocraticLifeMeeting());
        run.Complete("finalizeReport:1", Document("report-final"));
        Assert.Equal(["massAppraisal:1"], run.ActiveTaskIds);
    }

    private static Dictionary<string, GateResult> Gates(CampaignRun run) => run.Assess().Gates.ToDictionary(g => g.GateId);
}
