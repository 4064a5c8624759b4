using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>A campaign's findings and variables can be read, not only inferred from its ledger.</summary>
public abstract class CampaignDataTests(ApiFactory api)
{
    [Fact]
    public async Task Findings_CarriedFromTheStudyPhase_AndRecordedInAnalysis_AreListedWithTheirSource()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.InAnalysisAsync(client);

        var findings = await client.GetJsonAsync($"{campaign}/findings");
        Assert.Equal(HttpStatusCode.OK, findings.Status);
        Assert.Equal("analysis", findings.Json.GetProperty("currentPhase").GetString());
        // The research visit's problem, carried out of the study phase under a phase-and-round id.
        var carried = Assert.Single(findings.Json.GetProperty("carried").EnumerateArray());
        Assert.Equal(("study/1/researchVisits:1/1", "study", "researchVisits:1", "师资不足"),
            (carried.GetProperty("id").GetString(), carried.GetProperty("phase").GetString(), carried.GetProperty("sourceTaskId").GetString(),
                carried.GetProperty("title").GetString()));
        Assert.Empty(findings.Json.GetProperty("inCurrentPhase").EnumerateArray());

        // Opinions collected in analysis are the current phase's, until it ends.
        await CampaignSteps.CompleteAsync(client, campaign, "collectOpinions:1", CampaignSteps.ParallelAnalysisTasks["collectOpinions:1"]);
        var after = (await client.GetJsonAsync($"{campaign}/findings")).Json;
        Assert.Equal(11, after.GetProperty("inCurrentPhase").GetArrayLength());
        Assert.All(after.GetProperty("inCurrentPhase").EnumerateArray(), f => Assert.Equal("collectOpinions:1", f.GetProperty("sourceTaskId").GetString()));
        Assert.True(after.GetProperty("version").GetInt64() > findings.Json.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Variables_ShowTheCampaignsInputs_WithoutFindings_AndThePhaseWorkflows()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);

        var variables = await client.GetJsonAsync($"{campaign}/variables");
        Assert.Equal(HttpStatusCode.OK, variables.Status);
        var own = variables.Json.GetProperty("campaign");
        Assert.Equal(["secretary.chen", "deputy.liu"], own.GetProperty("teamMembers").EnumerateArray().Select(m => m.GetString()));
        Assert.False(own.TryGetProperty("findings", out _));
        Assert.Equal("study", variables.Json.GetProperty("currentPhase").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, variables.Json.GetProperty("phase").ValueKind);
    }

    [Fact]
    public async Task AnUnknownCampaign_IsA404WithItsCode()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        foreach (var part in new[] { "findings", "variables" })
        {
            var missing = await client.GetJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/{part}");
            Assert.Equal((HttpStatusCode.NotFound, "campaign.not_found"), (missing.Status, missing.ProblemCode));
        }
    }
}

public sealed class CampaignDataOnSqlite(SqliteApiFactory api) : CampaignDataTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class CampaignDataOnPostgres(PostgresApiFactory api) : CampaignDataTests(api), IClassFixture<PostgresApiFactory>;
