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
/// Every API command leaves exactly the entries it should, each with who, for whom, the request's
/// keys, the states before and after, evidence and the gate values seen; a refusal leaves none;
/// both streams are numbered without gaps and chained. On SQLite and PostgreSQL.
/// </summary>
public abstract class EntryCompletenessTests(ApiFactory api)
{
    private const string Study = "study-phase";

    private static async Task<ApiResponse> Send(HttpClient client, HttpMethod method, string url, object? body, string correlation, params (string, string)[] more)
    {
        var headers = more.Append(("X-Correlation-Id", correlation)).ToArray();
        return await client.SendJsonAsync(method, url, body, headers);
    }

    private static void Ok(ApiResponse response, HttpStatusCode expected = HttpStatusCode.OK) =>
        Assert.True(response.Status == expected, $"{response.Status}: {response.Text}");

    private static Task<List<HistoryEntry>> Stream(ApiFactory api, Guid stream) =>
        api.DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == stream).OrderBy(h => h.Sequence).ToListAsync());

    /// <summary>Sequences 1..N without gap, each hash recomputing from its content and chaining on the one before, the stream row at the head.</summary>
    private static async Task<List<HistoryEntry>> VerifiedDefinitionsStream(ApiFactory api)
    {
        var entries = await Stream(api, LedgerStream.Definitions);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        var previous = HistoryChain.Genesis;
        foreach (var entry in entries)
        {
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(HistoryChain.Hash(entry), entry.Hash);
            previous = entry.Hash;
        }
        var row = await api.DbAsync(db => db.LedgerStreams.AsNoTracking().SingleAsync(s => s.Id == LedgerStream.Definitions));
        Assert.Equal((previous, (long)entries.Count), (row.HistoryHead, row.HistoryCount));
        return entries;
    }

    [Fact]
    public async Task EveryCommand_LeavesExactlyItsEntries_AndARefusalNone()
    {
        var office = await api.ClientAsync("campaign-office", true, Roles.Operator);

        // Each command gets a correlation id of its own: the entries it left are the ones carrying it.
        var created = await Send(office, HttpMethod.Post, "/api/v1/campaigns", NewCampaign("账本完整性"), "c-create",
            ("X-On-Behalf-Of", "secretary.chen"), ("Idempotency-Key", "create-1"));
        Ok(created, HttpStatusCode.Created);
        var campaign = created.Header("Location")!;
        var steps = new List<(string Correlation, string[] Kinds)>
        {
            ("c-create", ["campaign.created"]),
        };
        async Task Step(string correlation, string url, object body, string[] kinds, params (string, string)[] more)
        {
            Ok(await Send(office, HttpMethod.Post, $"{campaign}/{url}", body, correlation, more));
            steps.Add((correlation, kinds));
        }

        await Step("c-start", "transitions", new { trigger = "start", reason = "启动" },
            ["phase.transitioned", "workflow.started", "activity.completed", "task.activated"], ("Idempotency-Key", "start-1"));
        await Step("c-mobilization", "tasks/studyMobilization:1/complete", Meeting("2023-03-01"),
            ["task.completed", "activity.completed", "activity.completed", "task.activated", "task.activated"]);
        await Step("c-reassign", "tasks/centralizedStudy:1/reassign", new { assignee = "deputy.liu", reason = "出差" }, ["task.reassigned"],
            ("X-On-Behalf-Of", "leader.zhang"));
        await Step("c-suspend", "transitions", new { trigger = "suspend", reason = "暂停检查" }, ["phase.transitioned"]);
        await Step("c-resume", "transitions", new { trigger = "resume", reason = "恢复" }, ["phase.transitioned"]);

        var before = await Stream(api, CampaignSteps.IdOf(campaign));
        var refused = await Send(office, HttpMethod.Post, $"{campaign}/transitions", new { trigger = "advance" }, "c-refused");
        Assert.Equal((HttpStatusCode.Conflict, "campaign.trigger_not_permitted"), (refused.Status, refused.ProblemCode));
        Assert.Equal(before.Select(e => e.Hash), (await Stream(api, CampaignSteps.IdOf(campaign))).Select(e => e.Hash));

        await Step("c-centralized", "tasks/centralizedStudy:1/complete", Meeting("2023-03-10"), ["task.completed", "activity.completed", "join.arrived"]);
        await Step("c-research", "tasks/researchVisits:1/complete", new { result = new { findings = new[] { Finding("师资不足", "problem") } } },
            ["task.completed", "finding.recorded", "activity.completed", "activity.completed", "task.activated"]);
        await Step("c-summary", "tasks/studySummary:1/complete", Document("study-summary"), ["task.completed", "activity.completed", "task.activated"]);
        await Step("c-approval", "tasks/summaryApproval:1/complete", new { outcome = "Approved", result = new { }, comment = "同意" },
            ["task.completed", "activity.completed", "activity.completed", "workflow.completed"]);
        await Step("c-advance", "transitions", new { trigger = "advance", reason = "转入分析检查阶段" },
            ["gates.evaluated", "campaign.variablesSet", "phase.transitioned", "workflow.started", "activity.completed", "task.activated"]);

        // The whole ledger is exactly the commands' entries, in order, numbered 1..N and chained.
        var entries = await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
        Assert.Equal(steps.SelectMany(s => s.Kinds.Select(k => (s.Correlation, k))), entries.Select(e => (e.CorrelationId!, e.Kind)));
        Assert.DoesNotContain(entries, e => e.CorrelationId == "c-refused");
        Assert.All(entries, e => Assert.Equal(("campaign-office", "district-education-bureau"), (e.Actor, e.Organization)));
        Assert.All(entries, e => Assert.Equal(e.PhaseId is null ? "scientific-outlook-campaign" : e.PhaseId + "-phase", e.DefinitionId));
        Assert.All(entries, e => Assert.Equal(1, e.DefinitionVersion));

        var first = entries[0];
        Assert.Equal(("secretary.chen", "create-1", null, "$notStarted"), (first.OnBehalfOf, first.IdempotencyKey, first.BeforeState, first.AfterState));
        Assert.All(entries.Where(e => e.CorrelationId == "c-start"), e => Assert.Equal("start-1", e.IdempotencyKey));
        Assert.All(entries.Where(e => e.CorrelationId != "c-create" && e.CorrelationId != "c-reassign"), e => Assert.Null(e.OnBehalfOf));

        var started = entries.Single(e => e is { CorrelationId: "c-start", Kind: "phase.transitioned" });
        Assert.Equal(("$notStarted", "study", "启动"), (started.BeforeState, started.AfterState, started.Reason));
        var reassigned = entries.Single(e => e.Kind == "task.reassigned");
        Assert.Equal(("leader.zhang", "centralizedStudy:1", "party-committee", "deputy.liu", "出差"),
            (reassigned.OnBehalfOf, reassigned.TaskId, reassigned.BeforeState, reassigned.AfterState, reassigned.Reason));
        Assert.Equal(("study", "study (suspended)"), entries.Where(e => e.CorrelationId == "c-suspend").Select(e => (e.BeforeState, e.AfterState)).Single());
        Assert.Equal(("study (suspended)", "study"), entries.Where(e => e.CorrelationId == "c-resume").Select(e => (e.BeforeState, e.AfterState)).Single());
        Assert.All(entries.Where(e => e.Kind == "task.completed"), e => Assert.Equal(("active", "completed"), (e.BeforeState, e.AfterState)));
        Assert.All(entries.Where(e => e.Kind == "task.activated"), e => Assert.Equal((null, "active"), (e.BeforeState, e.AfterState)));

        // Evidence: only the completion whose result points at a document carries it, as {uri, sha256}.
        var withEvidence = Assert.Single(entries, e => e.Evidence is not null);
        Assert.Equal(("task.completed", "studySummary:1"), (withEvidence.Kind, withEvidence.TaskId));
        using (var evidence = JsonDocument.Parse(withEvidence.Evidence!))
        {
            var document = Assert.Single(evidence.RootElement.EnumerateArray());
            Assert.Equal("https://docs.example/study-summary.pdf", document.GetProperty("uri").GetString());
            Assert.Equal(new string('b', 64), document.GetProperty("sha256").GetString());
        }
        Assert.Equal("同意", entries.Single(e => e is { Kind: "task.completed", TaskId: "summaryApproval:1" }).Reason);

        // The gate evaluation on the advance, with the values each gate saw.
        var gates = entries.Single(e => e.Kind == "gates.evaluated");
        Assert.Equal(("study", "c-advance"), (gates.PhaseId, gates.CorrelationId));
        using (var payload = JsonDocument.Parse(gates.Payload))
        {
            var byId = payload.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("gateId").GetString()!);
            Assert.Equal("met", byId["summaryApproved"].GetProperty("state").GetString());
            Assert.Equal("Approved", byId["summaryApproved"].GetProperty("observed").GetProperty("results.summaryApproval.outcome").GetString());
            var research = byId["researchRecorded"].GetProperty("observed");
            Assert.Equal(1, research.GetProperty("inputs.minimumResearchFindings").GetInt32());
            Assert.Equal(1, research.GetProperty("results.researchVisits.findings.length").GetInt32());
        }
        var advanced = entries.Single(e => e is { CorrelationId: "c-advance", Kind: "phase.transitioned" });
        Assert.Equal(("study", "analysis", "转入分析检查阶段"), (advanced.BeforeState, advanced.AfterState, advanced.Reason));
    }

    [Fact]
    public async Task DefinitionChanges_AreEntriesOfTheDefinitionsStream_WithHistoryAndDiffForAuditors()
    {
        var designer = await api.ClientAsync("designer.wang", true, Roles.Admin);
        var auditor = await api.ClientAsync("auditor.zhou", Roles.Auditor);
        var participant = await api.ClientAsync("participant.li", Roles.Participant);

        // The start-up import left one entry per imported file, by workflows/.
        var imported = await VerifiedDefinitionsStream(api);
        Assert.Contains(imported, e => e is { Kind: "definition.imported", DefinitionId: Study, DefinitionVersion: 1, AfterState: "published", Actor: "workflows/" });
        var count = imported.Count;

        var draft = await Send(designer, HttpMethod.Post, "/api/v1/workflows/drafts", DefinitionDocs.StudyPhaseWithPreparatoryMeeting(), "d-create",
            ("X-On-Behalf-Of", "designer.li"), ("Idempotency-Key", "draft-1"));
        Ok(draft, HttpStatusCode.Created);
        var location = draft.Header("Location")!;
        var draftId = draft.Json.GetProperty("id").GetString()!;
        var changed = DefinitionDocs.StudyPhaseWithPreparatoryMeeting();
        changed["name"] = "学习调研（增加筹备会议）";
        Ok(await Send(designer, HttpMethod.Put, location, changed, "d-update", ("If-Match", "\"1\"")));
        var stale = await Send(designer, HttpMethod.Put, location, changed, "d-stale", ("If-Match", "\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        var published = await Send(designer, HttpMethod.Post, $"{location}/publish", null, "d-publish");
        Ok(published, HttpStatusCode.Created);
        Assert.Equal(2, published.Json.GetProperty("version").GetProperty("version").GetInt32());
        Ok(await Send(designer, HttpMethod.Post, $"/api/v1/workflows/{Study}/versions/2/retract", new { reason = "筹备会议与动员大会重复" }, "d-retract"));
        var again = await Send(designer, HttpMethod.Post, $"/api/v1/workflows/{Study}/versions/2/retract", new { reason = "再次" }, "d-retract-again");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var scratch = await Send(designer, HttpMethod.Post, "/api/v1/workflows/drafts", DefinitionDocs.StudyPhase(), "d-scratch");
        Ok(scratch, HttpStatusCode.Created);
        Ok(await Send(designer, HttpMethod.Delete, scratch.Header("Location")!, null, "d-delete"), HttpStatusCode.NoContent);

        var entries = (await VerifiedDefinitionsStream(api)).Skip(count).ToList();
        Assert.Equal(
            [
                ("d-create", "definition.draftCreated", null, "draft", 0),
                ("d-update", "definition.draftUpdated", "draft", "draft", 0),
                ("d-publish", "definition.published", "draft", "published", 2),
                ("d-retract", "definition.retracted", "published", "retracted", 2),
                ("d-scratch", "definition.draftCreated", null, "draft", 0),
                ("d-delete", "definition.draftDeleted", "draft", "deleted", 0),
            ],
            entries.Select(e => (e.CorrelationId, e.Kind, e.BeforeState, e.AfterState, e.DefinitionVersion)).ToArray());
        Assert.All(entries, e => Assert.Equal(("designer.wang", Study), (e.Actor, e.DefinitionId)));
        Assert.Equal(("designer.li", "draft-1"), (entries[0].OnBehalfOf, entries[0].IdempotencyKey));
        Assert.All(entries.Skip(1), e => Assert.Null(e.OnBehalfOf));
        Assert.Equal("筹备会议与动员大会重复", entries[3].Reason);

        var row = await api.DbAsync(db => db.Definitions.AsNoTracking().SingleAsync(d => d.Kind == "workflow" && d.DefinitionId == Study && d.Version == 2));
        using (var payload = JsonDocument.Parse(entries[2].Payload))
        {
            var p = payload.RootElement;
            Assert.Equal(("workflow", Study, 2, row.ContentHash, draftId),
                (p.GetProperty("kind").GetString(), p.GetProperty("definitionId").GetString(), p.GetProperty("version").GetInt32(),
                 p.GetProperty("contentHash").GetString(), p.GetProperty("draftId").GetString()));
        }
        using (var payload = JsonDocument.Parse(entries[3].Payload))
            Assert.Equal("筹备会议与动员大会重复", payload.RootElement.GetProperty("reason").GetString());

        // The auditors' history of the definition: its entries only, keyset-paged by sequence.
        var kinds = new List<string>();
        string? cursor = null;
        do
        {
            var page = await auditor.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/history?limit=2" + (cursor is null ? "" : $"&after={cursor}"));
            Ok(page);
            kinds.AddRange(page.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()!));
            cursor = page.Json.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.Equal(["definition.imported", .. entries.Select(e => e.Kind)], kinds);
        var full = await auditor.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/history");
        var retraction = full.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "definition.retracted");
        Assert.Equal(("designer.wang", 2, "筹备会议与动员大会重复"),
            (retraction.GetProperty("actor").GetString(), retraction.GetProperty("definitionVersion").GetInt32(), retraction.GetProperty("reason").GetString()));
        Assert.Empty((await auditor.GetJsonAsync($"/api/v1/audit/definitions/template/{Study}/history")).Json.GetProperty("items").EnumerateArray());

        // The structural difference between v1 and v2.
        var diff = await auditor.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/diff?from=1&to=2");
        Ok(diff);
        var changes = diff.Json.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("change").GetString(), c.GetProperty("path").GetString())).ToList();
        Assert.Contains(("activity", "added", "activities/preparatoryMeeting"), changes);
        Assert.Contains(("connection", "added", "connections/preparatoryMeeting.Done->studyMobilization.In"), changes);
        Assert.Contains(("connection", "removed", "connections/start.Done->studyMobilization.In"), changes);
        Assert.Contains(("definition", "changed", "name"), changes);

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/history")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/diff?from=1&to=9")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetJsonAsync($"/api/v1/audit/definitions/workflow/{Study}/diff?from=1")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetJsonAsync($"/api/v1/audit/definitions/gadget/{Study}/history")).Status);
    }

    [Fact]
    public async Task ConcurrentDefinitionWriters_NeverForkOrGapTheStream()
    {
        var designers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => api.ClientAsync($"designer.{i}", Roles.Admin)));
        var before = (await VerifiedDefinitionsStream(api)).Count;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            designers[i % designers.Length].PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow($"concurrent-{i}"))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        var entries = await VerifiedDefinitionsStream(api);
        Assert.Equal(before + 16, entries.Count);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"concurrent-{i}").Order(), entries.Skip(before).Select(e => e.DefinitionId).Order());
    }

    [Fact]
    public async Task ConcurrentPublicationsAndDrafts_EachGetOneEntry_InOneUnbrokenChain()
    {
        var designers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => api.ClientAsync($"publisher.{i}", Roles.Admin)));
        var drafts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await designers[0].PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow("raced"));
            Ok(created, HttpStatusCode.Created);
            drafts.Add(created.Header("Location")!);
        }
        var before = (await VerifiedDefinitionsStream(api)).Count;

        var publications = drafts.Select((d, i) => designers[i].SendJsonAsync(HttpMethod.Post, $"{d}/publish", null));
        var creations = Enumerable.Range(0, 8).Select(i => designers[i % 4].PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.MinimalWorkflow($"beside-{i}")));
        var results = await Task.WhenAll(publications.Concat(creations));

        Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.Created, r.Text));
        var entries = (await VerifiedDefinitionsStream(api)).Skip(before).ToList();
        Assert.Equal(12, entries.Count);
        var published = entries.Where(e => e.Kind == "definition.published").ToList();
        Assert.Equal([1, 2, 3, 4], published.Select(e => e.DefinitionVersion).Order());
        Assert.All(published, e => Assert.Equal("raced", e.DefinitionId));
        Assert.Equal(8, entries.Count(e => e.Kind == "definition.draftCreated"));
    }
}

public sealed class EntryCompletenessOnSqlite(SqliteApiFactory api) : EntryCompletenessTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class EntryCompletenessOnPostgres(PostgresApiFactory api) : EntryCompletenessTests(api), IClassFixture<PostgresApiFactory>;
