using System.Text.Json.Nodes;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Definitions;
using Workflow.Engine.Gates;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>Gates are evaluated on every read by anyone, so a template may not make that slow: a count at publish, a time budget when run.</summary>
public sealed class GateLimitTests
{
    // Under the statement and memory limits, but seconds of native work: only the 500 ms expression limit stops it.
    private const string Slow = "(a => Array(9000).fill(0).every(() => a.indexOf(1) < 0 && a.lastIndexOf(1) < 0 && !a.includes(1)))(Array(60000).fill(0))";

    [Fact]
    public void MoreExitGatesThanAllowed_AreRefusedAtPublish_NamingTheCountAndTheMaximum()
    {
        var problems = Support.Definitions.LoadWithTemplate(WithStudyGates(GateLimits.MaxPerPhase + 1, "true")).Problems;
        var problem = Assert.Single(problems, p => p.Error.Code == ValidationCodes.TemplateGatesTooMany);
        Assert.Equal("/phases/0/exitGates", problem.Error.JsonPointer);
        Assert.Equal((GateLimits.MaxPerPhase + 1).ToString(), problem.Error.Arguments!["count"]);
        Assert.Equal(GateLimits.MaxPerPhase.ToString(), problem.Error.Arguments!["maximum"]);

        Assert.Empty(Support.Definitions.LoadWithTemplate(WithStudyGates(GateLimits.MaxPerPhase, "true")).Problems);
    }

    [Fact]
    public void SlowGates_StopAfterTwoTimeouts_TheRestAreReportedNotRun_AndNoneCountsAsMet()
    {
        var load = Support.Definitions.LoadWithTemplate(WithStudyGates(GateLimits.MaxPerPhase, Slow));
        Assert.Empty(load.Problems);
        var run = CampaignRun.Create(load.Library.FindTemplate("scientific-outlook-campaign", 1)!, SeedFigures.Parameters());
        run.Fire(CampaignTrigger.Start);

        var gates = CampaignEngine.Assess(run.Template, run.State).Gates;

        Assert.Equal(GateLimits.MaxPerPhase, gates.Length);
        Assert.All(gates, g => Assert.Equal(GateState.Error, g.State));
        // The first two run into the expression time limit; the other eighteen are never started.
        Assert.All(gates[..GateLimits.TimeoutsPerEvaluation], g => Assert.StartsWith("expression.timeout", g.Message));
        Assert.All(gates[GateLimits.TimeoutsPerEvaluation..], g => Assert.StartsWith(GateLimits.BudgetExhausted, g.Message));
        Assert.Contains("ran out of time", gates[^1].Message);
    }

    /// <summary>The seed template with the study phase's exit gates replaced by <paramref name="count"/> copies of a condition.</summary>
    private static JsonObject WithStudyGates(int count, string condition)
    {
        var template = Support.Definitions.SeedTemplateJson();
        template["phases"]![0]!["exitGates"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"gate{i}",
            ["name"] = $"关口{i}",
            ["condition"] = Flow.Expression(condition),
        })]);
        return template;
    }
}
