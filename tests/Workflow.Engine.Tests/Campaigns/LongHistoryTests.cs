using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.SeedFigures;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>
/// A campaign whose study summary is sent back for changes thousands of times: the snapshot holds
/// what the next decision needs, so it stays small and the campaign decides exactly as a fresh one.
/// </summary>
public sealed class LongHistoryTests
{
    [Fact]
    public void TenThousandRequestedChanges_KeepTheSnapshotSmall_AndTheCurrentStateTheSame()
    {
        var once = InStudySummaryLoop(loops: 1);
        var often = InStudySummaryLoop(loops: 10_000);

        var snapshot = JsonSerializer.SerializeToUtf8Bytes(often.State, EngineJson.Options);
        Assert.True(snapshot.Length < 64 * 1024, $"The snapshot after 10,000 loops is {snapshot.Length:N0} bytes.");
        Assert.Equal(["studySummary:10001"], often.ActiveTaskIds);
        Assert.Equal(10_001, often.State.Workflow!.IterationOf("studySummary"));
        Assert.Equal(10_000, often.State.Workflow.IterationOf("summaryApproval"));

        // The same decisions as after one loop: gates, what the phase waits for, triggers, results and findings.
        Assert.Equal(Decisions(once), Decisions(often).Replace("studySummary:10001", "studySummary:2"));
        Assert.Equal(StateJson.Of(once.State.Workflow!.Results), StateJson.Of(often.State.Workflow.Results));
        Assert.Equal(StateJson.Of(once.State.Workflow.Findings), StateJson.Of(often.State.Workflow.Findings));

        // The snapshot keeps the open draft and each other activity's latest instance, nothing older.
        var kept = often.State.Workflow.Tasks.Values.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["centralizedStudy:1", "researchVisits:1", "studyMobilization:1", "studySummary:10001", "summaryApproval:10000"], kept);

        // Replaying the ledger rebuilds the same snapshot, and the campaign goes on as any other.
        Assert.Equal(StateJson.Of(often.State), StateJson.Of(CampaignEvolver.Replay(often.Events)));
        often.Complete("studySummary:10001", Document("study-summary-final"));
        often.Complete("summaryApproval:10001", new { reviewedOn = "2023-05-30" }, "Approved");
        often.Fire(CampaignTrigger.Advance, "转入分析检查阶段");
        Assert.Equal("analysis", often.State.State);
        Assert.Single(CampaignEvolver.Findings(often.State));
    }

    [Fact]
    public void ALateRetryOfAnInstanceNoLongerKept_IsRefusedAsEnded_NotAsUnknown()
    {
        var run = InStudySummaryLoop(loops: 3);
        Assert.False(run.State.Workflow!.Tasks.ContainsKey("studySummary:1"));

        var late = run.TryComplete("studySummary:1", Document("study-summary"));
        Assert.Equal(RejectionCodes.TaskNotActive, late.Refusal!.Code);
        Assert.Equal("Ended", late.Refusal.Arguments["status"]);
        Assert.Equal(RejectionCodes.TaskNotFound, run.TryComplete("studySummary:9", Document("study-summary")).Refusal!.Code);
        Assert.Equal(RejectionCodes.TaskNotFound, run.TryComplete("nowhere:1", Document("study-summary")).Refusal!.Code);
    }

    /// <summary>The study phase with its summary sent back <paramref name="loops"/> times, the next draft open.</summary>
    private static CampaignRun InStudySummaryLoop(int loops)
    {
        var run = CampaignRun.Seed();
        run.Fire(CampaignTrigger.Start);
        run.Complete("studyMobilization:1", Meeting("2023-03-01"));
        run.Complete("centralizedStudy:1", new { heldOn = "2023-03-10", attendees = 40 });
        run.Complete("researchVisits:1", new { findings = new[] { Finding("师资不足", "problem") } });
        for (var loop = 1; loop <= loops; loop++)
        {
            run.Complete($"studySummary:{loop}", Document("study-summary"));
            run.Complete($"summaryApproval:{loop}", new { comments = "请补充调研数据" }, "ChangesRequested");
        }
        return run;
    }

    private static string Decisions(CampaignRun run)
    {
        var assessment = run.Assess();
        return StateJson.Of(new { assessment.State, assessment.WaitingFor, assessment.Gates, assessment.Triggers });
    }
}
