using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Serialization;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.SeedFigures;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>A stored campaign (its state and its events) reads back as the same campaign, so storage can keep snapshots.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void StateAndEvents_RoundTripThroughJson()
    {
        var run = SeedAnalysisPhaseTests.EnterAnalysis();
        run.Complete("mobilizationMeeting:1", Meeting("2023-06-10"));
        run.Complete("collectOpinions:1", Opinions());

        var json = JsonSerializer.Serialize(run.State, EngineJson.Options);
        var read = JsonSerializer.Deserialize<CampaignInstance>(json, EngineJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(read, EngineJson.Options));

        var events = JsonSerializer.Serialize(run.Events, EngineJson.Options);
        var readEvents = JsonSerializer.Deserialize<List<CampaignEvent>>(events, EngineJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(CampaignEvolver.Replay(readEvents), EngineJson.Options));
        Assert.Contains("\"kind\":\"phaseWorkflowEvent\"", events);
        Assert.Contains("\"trigger\":\"advance\"", events);

        // A deserialized campaign keeps working: the next command gives the same result as on the original.
        var next = CampaignEngine.Execute(run.Template, read, new Workflow.Engine.Flowchart.CompleteTask("x", "heartToHeartTalks:1", null, JsonData.Of(new { talksHeld = 80 })), run.Now);
        var original = CampaignEngine.Execute(run.Template, run.State, new Workflow.Engine.Flowchart.CompleteTask("x", "heartToHeartTalks:1", null, JsonData.Of(new { talksHeld = 80 })), run.Now);
        Assert.Equal(JsonSerializer.Serialize(original.State, EngineJson.Options), JsonSerializer.Serialize(next.State, EngineJson.Options));
    }
}
