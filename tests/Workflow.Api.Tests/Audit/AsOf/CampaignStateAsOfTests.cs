using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Audit.AsOf;

/// <summary>
/// An auditor reads a campaign as it stood at a ledger sequence or a moment, replayed from the ledger: the same state
/// progress showed then, and a refusal when the ledger is not whole up to there.
/// </summary>
public abstract class CampaignStateAsOfTests(ApiFactory api, bool postgres)
{
    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string[] TaskStates(JsonElement state) =>
        state.GetProperty("tasks").EnumerateArray().Select(t => $"{t.GetProperty("id").GetString()}={t.GetProperty("status").GetString()}").ToArray();

    private async Task<(HttpClient Office, HttpClient Auditor, string Campaign, Guid Id)> InAnalysisAsync()
    {
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.InAnalysisAsync(office);
        return (office, await api.ClientAsync("asof-auditor", Roles.Auditor), campaign, CampaignSteps.IdOf(campaign));
    }

    [Fact]
    public async Task AtTheHead_TheReplayedStateIsWhatProgressShows()
    {
        var (office, auditor, campaign, id) = await InAnalysisAsync();
        var entries = await Ledger.VerifiedAsync(api, id);
        var progress = (await office.GetJsonAsync($"{campaign}/progress")).Json;

        var asOf = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/state?sequence={entries.Count}");
        Assert.Equal(HttpStatusCode.OK, asOf.Status);
        var state = asOf.Json;
        Assert.Equal(entries.Count, state.GetProperty("sequence").GetInt64());
        Assert.Equal(entries[^1].Hash, state.GetProperty("hash").GetString());
        foreach (var field in new[] { "state", "status", "currentPhase", "round", "workflowStatus" })
            Assert.Equal(progress.GetProperty(field).GetRawText(), state.GetProperty(field).GetRawText());
        Assert.Equal(TaskStates(progress), TaskStates(state));
        Assert.Equal(progress.GetProperty("gates").GetRawText(), state.GetProperty("gates").GetRawText());
        Assert.Equal(progress.GetProperty("phases").GetRawText(), state.GetProperty("phases").GetRawText());
    }

    [Fact]
    public async Task BeforeACompletion_TheTaskIsStillActive_AndItsOpinionsAreNotYetFindings()
    {
        var (office, auditor, campaign, id) = await InAnalysisAsync();
        var before = (await Ledger.VerifiedAsync(api, id)).Count;
        await CampaignSteps.CompleteAsync(office, campaign, "collectOpinions:1", CampaignSteps.ParallelAnalysisTasks["collectOpinions:1"]);
        var entries = await Ledger.VerifiedAsync(api, id);

        var then = (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/state?sequence={before}")).Json;
        var now = (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/state?sequence={entries.Count}")).Json;
        Assert.Contains("collectOpinions:1=active", TaskStates(then));
        Assert.Contains("collectOpinions:1=completed", TaskStates(now));
        // The research visit's finding was carried out of study; the 11 opinions arrive with the completion.
        Assert.Equal(1, then.GetProperty("findings").GetArrayLength());
        Assert.Equal(12, now.GetProperty("findings").GetArrayLength());
        Assert.Equal(entries[(int)before - 1].Hash, then.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task AtAMoment_TheStateIsTheOneAfterTheLastEntryWrittenByThen()
    {
        var (_, auditor, _, id) = await InAnalysisAsync();
        var entries = await Ledger.VerifiedAsync(api, id);
        var started = entries.First(e => e.Kind == "phase.transitioned");
        var advanced = entries.Last(e => e.Kind == "phase.transitioned");
        Assert.NotEqual(started.Sequence, advanced.Sequence);

        // A moment between the study phase's start and the advance to analysis: the campaign was in study.
        var moment = advanced.At.AddTicks(-10);
        var inStudy = await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/state?at={Uri.EscapeDataString(Time(moment))}");
        Assert.Equal(HttpStatusCode.OK, inStudy.Status);
        Assert.Equal("study", inStudy.Json.GetProperty("currentPhase").GetString());
        Assert.Equal(entries.Last(e => e.At <= moment).Sequence, inStudy.Json.GetProperty("sequence").GetInt64());
        Assert.Equal(moment, inStudy.Json.GetProperty("asOf").GetDateTimeOffset().UtcDateTime);

        var later = (await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{id}/state?at={Uri.EscapeDataString(Time(entries[^1].At.AddDays(1)))}")).Json;
        Assert.Equal("analysis", later.GetProperty("currentPhase").GetString());
        Assert.Equal(entries.Count, later.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task OutOfRangeOrUnclearRequests_AreRefusedWithWhatToSend()
    {
        var (office, auditor, _, id) = await InAnalysisAsync();
        var entries = await Ledger.VerifiedAsync(api, id);
        var path = $"/api/v1/audit/campaigns/{id}/state";

        Problems.Assert(await auditor.GetJsonAsync(path), HttpStatusCode.BadRequest, "audit.as_of_required", "sequence=N");
        Problems.Assert(await auditor.GetJsonAsync($"{path}?sequence=1&at=2023-06-01T00:00:00Z"), HttpStatusCode.BadRequest, "audit.as_of_ambiguous", "not both");
        Problems.Assert(await auditor.GetJsonAsync($"{path}?sequence=0"), HttpStatusCode.BadRequest, "request.parameter_invalid", "sequence");
        Problems.Assert(await auditor.GetJsonAsync($"{path}?at=yesterday"), HttpStatusCode.BadRequest, "audit.time_invalid", "yesterday");
        Problems.Assert(await auditor.GetJsonAsync($"{path}?sequence={entries.Count + 1}"), HttpStatusCode.NotFound, "audit.as_of_not_reached",
            $"{entries.Count} ledger entries");
        Problems.Assert(await auditor.GetJsonAsync($"{path}?at={Uri.EscapeDataString(Time(entries[0].At.AddSeconds(-1)))}"), HttpStatusCode.NotFound,
            "audit.as_of_before_start", "was created at");
        Problems.Assert(await auditor.GetJsonAsync($"/api/v1/audit/campaigns/{Guid.NewGuid()}/state?sequence=1"), HttpStatusCode.NotFound, "campaign.not_found", "There is no campaign");
        var chinese = await auditor.GetJsonAsync($"{path}?sequence={entries.Count + 1}", ("Accept-Language", "zh-CN"));
        Assert.Contains("尚无第", chinese.Json.GetProperty("detail").GetString());
        // Auditors' reading: an operator is not one.
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetJsonAsync($"{path}?sequence=1")).Status);
    }

    [Fact]
    public async Task AnAlteredEntry_IsRefusedFromThereOn_AndTheStateBeforeItStillReads()
    {
        var (_, auditor, _, id) = await InAnalysisAsync();
        var entries = await Ledger.VerifiedAsync(api, id);
        var middle = entries.Count / 2;
        await api.DbAsync(db => postgres
            ? db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_change ON history;")
            : db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_update;"));
        var rowId = entries[middle - 1].Id;
        await api.DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE history SET \"Reason\" = 'rewritten afterwards' WHERE \"Id\" = {rowId}"));

        var path = $"/api/v1/audit/campaigns/{id}/state";
        Problems.Assert(await auditor.GetJsonAsync($"{path}?sequence={entries.Count}"), HttpStatusCode.Conflict, "audit.as_of_ledger_broken",
            $"entry {middle} (entry.altered)");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetJsonAsync($"{path}?sequence={middle - 1}")).Status);
    }
}

public sealed class CampaignStateAsOfOnSqlite(SqliteApiFactory api) : CampaignStateAsOfTests(api, false), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class CampaignStateAsOfOnPostgres(PostgresApiFactory api) : CampaignStateAsOfTests(api, true), IClassFixture<PostgresApiFactory>;
