using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Flowchart;

namespace Workflow.Benchmarks.Engine;

/// <summary>The seed template from <c>workflows/</c>, and its campaign driven in memory to the end of the study phase.</summary>
internal static class SeedCampaign
{
    public static readonly DateTimeOffset Day0 = new(2023, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static CompiledTemplate Template()
    {
        var load = DefinitionLibrary.LoadFolder(Path.Combine(AppContext.BaseDirectory, "workflows"));
        return load.Library.FindTemplate("scientific-outlook-campaign", 1)
            ?? throw new InvalidOperationException("The seed template did not load: " + string.Join(Environment.NewLine, load.Problems));
    }

    /// <summary>A campaign in the study phase with every task done and both gates met: Advance is permitted.</summary>
    public static CampaignInstance ReadyToAdvance(CompiledTemplate template) => UpTo(template, null);

    /// <summary>The study phase run in order until <paramref name="stopBefore"/> is the next task (null: to the end).</summary>
    public static CampaignInstance UpTo(CompiledTemplate template, string? stopBefore)
    {
        var parameters = JsonDocument.Parse("""
            {"partyGroups": [{"id": "g1", "name": "机关第一党小组", "leader": "leader.zhang"}], "teamMembers": ["secretary.chen"]}
            """).RootElement.Clone();
        var now = Day0;
        var campaign = Accepted(CampaignEngine.Create(template, parameters, "bench", now));
        campaign = Accepted(CampaignEngine.Fire(template, campaign, new TriggerCommand("bench", CampaignTrigger.Start, "按计划启动"), now));
        foreach (var (taskId, outcome, result) in StudyTasks)
        {
            if (taskId == stopBefore) break;
            now = now.AddHours(1);
            var command = new CompleteTask("bench", taskId, outcome, JsonDocument.Parse(result).RootElement.Clone());
            campaign = Accepted(CampaignEngine.Execute(template, campaign, command, now));
        }
        return campaign;
    }

    private static readonly (string TaskId, string? Outcome, string Result)[] StudyTasks =
    [
        ("studyMobilization:1", null, """{"heldOn": "2023-03-01"}"""),
        ("centralizedStudy:1", null, """{"heldOn": "2023-03-10"}"""),
        ("researchVisits:1", null, """{"findings": [{"title": "师资不足", "kind": "problem", "office": "办公室", "owner": "office.head", "deadline": "2023-09-30"}]}"""),
        ("studySummary:1", null, """{"documents": [{"uri": "https://docs.example/study-summary.pdf", "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}]}"""),
        ("summaryApproval:1", "Approved", """{"comments": "同意"}"""),
    ];

    private static CampaignInstance Accepted(CampaignResult result) =>
        result.State ?? throw new InvalidOperationException($"Refused: {result.Refusal?.Code} {result.Refusal?.Message}");
}
