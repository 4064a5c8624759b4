using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Definitions;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Audit.Definitions;

/// <summary>
/// Every API command leaves exactly the entries it should, with who, for whom, the request's keys,
/// the states before and after, evidence and gate values; a refusal leaves none; the definitions
/// stream is numbered without gaps. On SQLite and PostgreSQL.
/// </summary>
public abstract class EntryCompletenessTests(ApiFactory api)
{
    [Fact]
    public async Task Dump()
    {
        var office = await api.ClientAsync("campaign-office", true, Roles.Operator);
        var created = await office.PostJsonAsync("/api/v1/campaigns", NewCampaign("完整性测试"), ("X-On-Behalf-Of", "secretary.chen"), ("Idempotency-Key", "create-1"), ("X-Correlation-Id", "corr-create"));
        var campaign = created.Header("Location")!;
        await CampaignSteps.FireAsync(office, campaign, "start");
        await CampaignSteps.CompleteAsync(office, campaign, "studyMobilization:1", Meeting("2023-03-01"));
        var reassign = await office.PostJsonAsync($"{campaign}/tasks/centralizedStudy:1/reassign", new { assignee = "deputy.liu", reason = "出差" });
        await CampaignSteps.FireAsync(office, campaign, "suspend", "暂停");
        await CampaignSteps.FireAsync(office, campaign, "resume", "恢复");
        var refused = await office.PostJsonAsync($"{campaign}/transitions", new { trigger = "advance" });
        await CampaignSteps.CompleteAsync(office, campaign, "centralizedStudy:1", Meeting("2023-03-10"));
        await CampaignSteps.CompleteAsync(office, campaign, "researchVisits:1", new { result = new { findings = new[] { Finding("师资不足", "problem") } } });
        await CampaignSteps.CompleteAsync(office, campaign, "studySummary:1", Document("study-summary"));
        await CampaignSteps.CompleteAsync(office, campaign, "summaryApproval:1", new { outcome = "Approved", result = new { } });
        await CampaignSteps.FireAsync(office, campaign, "advance", "转入分析检查阶段");
        var id = CampaignSteps.IdOf(campaign);
        var entries = await Ledger.VerifiedAsync(api, id);
        foreach (var e in entries)
            Console.WriteLine($"{e.Sequence} {e.Kind} {e.Actor} {e.OnBehalfOf} {e.IdempotencyKey} {e.CorrelationId} {e.DefinitionId} v{e.DefinitionVersion} {e.PhaseId} {e.TaskId} [{e.BeforeState} -> {e.AfterState}] {e.Reason} {e.Evidence} {(e.Kind == "gates.evaluated" ? e.Payload : "")}");
        Console.WriteLine(reassign.Text);
        Console.WriteLine(refused.Text[..200]);
    }
}

public sealed class EntryCompletenessOnSqlite(SqliteApiFactory api) : EntryCompletenessTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class EntryCompletenessOnPostgres(PostgresApiFactory api) : EntryCompletenessTests(api), IClassFixture<PostgresApiFactory>;
