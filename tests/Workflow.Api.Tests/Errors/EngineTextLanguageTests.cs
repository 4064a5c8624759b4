using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Errors;

/// <summary>
/// The engine's own sentences (a definition problem, why a trigger is refused, where a gate stands) reach the client
/// in the language Accept-Language asks for, through the real pipeline; codes and arguments are the same in both.
/// </summary>
public abstract class EngineTextLanguageTests(ApiFactory api)
{
    private static readonly (string, string)[] English = [("Accept-Language", "en")];
    private static readonly (string, string)[] Chinese = [("Accept-Language", "zh-CN;q=0.9, en;q=0.5")];

    [Fact]
    public async Task AValidationMessage_IsInTheRequestsLanguage()
    {
        var client = await api.ClientAsync("integrator", Roles.Operator);
        var broken = DefinitionDocs.StudyPhase();
        broken["root"]!["activities"]![4]!["type"] = "Campaign.Survey";
        var en = await client.PostJsonAsync("/api/v1/workflows/validate", broken, English);
        var zh = await client.PostJsonAsync("/api/v1/workflows/validate", broken, Chinese);
        var enError = en.Json.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "activity.type_unknown");
        var zhError = zh.Json.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "activity.type_unknown");
        Assert.Equal("Activity 'researchVisits' has the unknown type 'Campaign.Survey'; see the activity catalog for the types there are.", enError.GetProperty("message").GetString());
        Assert.Equal("环节“researchVisits”的类型“Campaign.Survey”未知；可用的类型见环节目录。", zhError.GetProperty("message").GetString());
        Assert.Equal(enError.GetProperty("arguments").ToString(), zhError.GetProperty("arguments").ToString());
    }

    [Fact]
    public async Task ARefusalReason_AndAGateDescription_AreInTheRequestsLanguage()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);

        var enRefusal = await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "advance" }, English);
        var zhRefusal = await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "advance" }, Chinese);
        Problems.Assert(enRefusal, HttpStatusCode.Conflict, "campaign.trigger_not_permitted", "the phase workflow has not reached its end (waiting for studyMobilization:1)");
        Problems.Assert(zhRefusal, HttpStatusCode.Conflict, "campaign.trigger_not_permitted", "本阶段流程尚未结束（待办：studyMobilization:1）");
        Assert.Contains("exit gates not met: ", enRefusal.Json.GetProperty("arguments").GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Contains("转段条件未满足：", zhRefusal.Json.GetProperty("arguments").GetProperty("reasons").GetString(), StringComparison.Ordinal);

        var en = await client.GetJsonAsync($"{campaign}/progress", English);
        var zh = await client.GetJsonAsync($"{campaign}/progress", Chinese);
        string? Research(ApiResponse r) => r.Json.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "researchRecorded").GetProperty("message").GetString();
        Assert.Equal("Waiting for researchVisits to be completed.", Research(en));
        Assert.Equal("等待 researchVisits 办结后才能判定。", Research(zh));
        string Advance(ApiResponse r) => string.Join(" | ", r.Json.GetProperty("triggers").EnumerateArray().First(t => t.GetProperty("trigger").GetString() == "advance").GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("exit gates not met", Advance(en), StringComparison.Ordinal);
        Assert.Contains("转段条件未满足", Advance(zh), StringComparison.Ordinal);
    }

    /// <summary>A gate's description given in both languages (descriptions, like displayNames) follows the request; one given once stays.</summary>
    [Fact]
    public async Task AGateDescription_GivenInBothLanguages_IsInTheRequestsLanguage()
    {
        var designer = await api.ClientAsync("designer.wang", Roles.Admin);
        var template = DefinitionDocs.Template();
        template["version"] = 2;
        template["phases"]![0]!["exitGates"]![1]!["descriptions"] = new System.Text.Json.Nodes.JsonObject
        {
            ["en"] = "The research visits recorded enough findings.",
            ["zh-CN"] = "调研走访记录的问题数达到要求。",
        };
        var draft = await designer.PostJsonAsync("/api/v1/templates/drafts", template);
        Assert.True(draft.Json.GetProperty("valid").GetBoolean(), draft.Json.ToString());
        var published = await designer.SendJsonAsync(HttpMethod.Post, $"{draft.Header("Location")}/publish", null);
        Assert.Equal(HttpStatusCode.Created, published.Status);
        var created = await designer.PostJsonAsync("/api/v1/campaigns", new
        {
            templateId = "scientific-outlook-campaign", templateVersion = 2, name = "双语说明", organization = "district-education-bureau",
            parameters = SeedData.Parameters,
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var campaign = created.Header("Location")!;
        Assert.Equal(HttpStatusCode.OK, (await designer.PostJsonAsync($"{campaign}/transitions", new { trigger = "start" })).Status);

        string? Description(ApiResponse r, string gate) =>
            r.Json.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate).GetProperty("description").GetString();
        var en = await designer.GetJsonAsync($"{campaign}/progress", English);
        var zh = await designer.GetJsonAsync($"{campaign}/progress", Chinese);
        Assert.Equal(("The research visits recorded enough findings.", "调研走访记录的问题数达到要求。"), (Description(en, "researchRecorded"), Description(zh, "researchRecorded")));
        Assert.Equal("The party committee approved the study-phase summary.", Description(zh, "summaryApproved"));
    }
}

public sealed class EngineTextLanguageOnSqlite(SqliteApiFactory api) : EngineTextLanguageTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class EngineTextLanguageOnPostgres(PostgresApiFactory api) : EngineTextLanguageTests(api), IClassFixture<PostgresApiFactory>;
