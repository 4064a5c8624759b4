using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage.History;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Audit.Query;

/// <summary>
/// The auditors' query: each filter narrows to exactly the entries it names, keyset pages walk a range
/// without gaps or duplicates, and the CSV and NDJSON exports of a range are its JSON pages row for row.
/// </summary>
public abstract class AuditQueryTests(ApiFactory api)
{
    private const string Entries = "/api/v1/audit/entries";
    private const string FormulaReason = "=cmd|' /C calc'!A0";
    private const string ChineseReason = "恢复活动，继续学习调研（审计抽查）";

    private sealed record Seed(string Suffix, string OrgA, string OrgB, string Wang, string Li, Guid A, Guid B, Guid C);

    private static int _counter;

    /// <summary>Three campaigns in two organizations by two operators, with tasks completed and transitions with reasons.</summary>
    private async Task<Seed> SeedAsync()
    {
        var suffix = $"{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..12];
        var (orgA, orgB, wang, li) = ($"org-a-{suffix}", $"org-b-{suffix}", $"office.wang-{suffix}", $"office.li-{suffix}");
        var wangClient = await api.ClientAsync(wang, Roles.Operator);
        var liClient = await api.ClientAsync(li, Roles.Operator);

        var a = await CreateAsync(wangClient, "审计活动甲", orgA);
        await CampaignSteps.FireAsync(wangClient, a, "start", "启动学习调研 Start");
        await CampaignSteps.CompleteAsync(wangClient, a, "studyMobilization:1", Meeting("2023-03-01"));
        await CampaignSteps.FireAsync(wangClient, a, "suspend", FormulaReason);
        await CampaignSteps.FireAsync(liClient, a, "resume", ChineseReason);

        var b = await CreateAsync(liClient, "审计活动乙", orgB);
        await CampaignSteps.FireAsync(liClient, b, "start", "按计划推进, \"quoted\"\nsecond line");
        await CampaignSteps.CompleteAsync(liClient, b, "studyMobilization:1", Meeting("2023-04-01"));

        var c = await CreateAsync(liClient, "审计活动丙", orgA);
        return new Seed(suffix, orgA, orgB, wang, li, CampaignSteps.IdOf(a), CampaignSteps.IdOf(b), CampaignSteps.IdOf(c));
    }

    private static async Task<string> CreateAsync(HttpClient client, string name, string organization)
    {
        var created = await client.PostJsonAsync("/api/v1/campaigns", NewCampaign(name, organization));
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return created.Header("Location")!;
    }

    private Task<HttpClient> AuditorAsync() => api.ClientAsync("auditor.zhao", Roles.Auditor);

    /// <summary>Every ledger row, in the audit order, read directly from the database.</summary>
    private Task<List<HistoryEntry>> LedgerAsync() =>
        api.DbAsync(db => db.History.AsNoTracking().OrderBy(h => h.Id).ToListAsync())
            .ContinueWith(t => t.Result.OrderBy(h => h.At).ThenBy(h => h.Id).ToList(), TaskScheduler.Default);

    /// <summary>Follows the Link header from the first page to the last; checks it agrees with nextCursor.</summary>
    private static async Task<List<JsonElement>> WalkAsync(HttpClient client, string query, int limit)
    {
        var items = new List<JsonElement>();
        string? url = $"{Entries}?{query}&limit={limit}";
        var pages = 0;
        while (url is not null)
        {
            var page = await client.GetJsonAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page.Text}");
            var pageItems = page.Json.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            var next = page.Json.GetProperty("nextCursor").GetString();
            var link = page.Header("Link");
            if (next is null)
            {
                Assert.Null(link);
                url = null;
            }
            else
            {
                Assert.Equal(limit, pageItems.Count);
                Assert.NotNull(link);
                Assert.EndsWith("; rel=\"next\"", link);
                url = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];
                Assert.StartsWith(Entries + "?", url);
                Assert.Contains("cursor=" + Uri.EscapeDataString(next), url);
            }
            Assert.True(++pages < 10_000);
        }
        return items;
    }

    private static long[] Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetInt64()).ToArray();

    private static long[] Ids(IEnumerable<HistoryEntry> entries) => entries.Select(h => h.Id).ToArray();

    [Fact]
    public async Task EachFilter_NarrowsToExactlyTheEntriesItNames()
    {
        var seed = await SeedAsync();
        var auditor = await AuditorAsync();
        var ledger = await LedgerAsync();

        async Task Expect(string query, Func<HistoryEntry, bool> wanted)
        {
            var expected = Ids(ledger.Where(wanted));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Ids(await WalkAsync(auditor, query, 500)));
        }

        await Expect($"organization={seed.OrgA}", h => h.Organization == seed.OrgA);
        await Expect($"campaignId={seed.A}", h => h.CampaignId == seed.A);
        await Expect($"actor={seed.Wang}", h => h.Actor == seed.Wang);
        await Expect($"actor={seed.Li}&organization={seed.OrgA}", h => h.Actor == seed.Li && h.Organization == seed.OrgA);
        await Expect($"kind=phase.transitioned&organization={seed.OrgA}", h => h.Kind == "phase.transitioned" && h.Organization == seed.OrgA);
        await Expect($"phase=study&campaignId={seed.B}", h => h.PhaseId == "study" && h.CampaignId == seed.B);
        await Expect("kind=task.completed", h => h.Kind == "task.completed");
        // A task instance: its entries in one campaign, or in every campaign that has one of that id.
        await Expect($"campaignId={seed.B}&task=studyMobilization%3A1", h => h.CampaignId == seed.B && h.TaskId == "studyMobilization:1");
        await Expect("task=studyMobilization:1&kind=task.completed", h => h.TaskId == "studyMobilization:1" && h.Kind == "task.completed");

        // Text: a case-insensitive substring of the reason, in any script.
        await Expect("text=CMD%7C", h => h.Reason == FormulaReason);
        await Expect($"text={Uri.EscapeDataString("审计抽查")}", h => h.Reason == ChineseReason);
        await Expect("text=start", h => h.Reason?.Contains("start", StringComparison.OrdinalIgnoreCase) == true);
        // Wildcards are text, not patterns.
        Assert.All(await WalkAsync(auditor, "text=%25", 500), i => Assert.Contains("%", i.GetProperty("reason").GetString()));
        Assert.All(await WalkAsync(auditor, "text=_", 500), i => Assert.Contains("_", i.GetProperty("reason").GetString()));

        // Time range: from inclusive, to exclusive.
        var a = ledger.Where(h => h.CampaignId == seed.A).ToList();
        var middle = a[a.Count / 2].At;
        var time = Uri.EscapeDataString(middle.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        await Expect($"campaignId={seed.A}&from={time}", h => h.CampaignId == seed.A && h.At >= middle);
        await Expect($"campaignId={seed.A}&to={time}", h => h.CampaignId == seed.A && h.At < middle);
        await Expect($"from={time}&to={Uri.EscapeDataString(DateTime.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture))}",
            h => h.At >= middle);

        // Without a campaign filter, the definitions stream is part of the ledger too.
        var all = await WalkAsync(auditor, "", 500);
        Assert.Equal(Ids(ledger), Ids(all));
        if (ledger.Any(h => h.CampaignId == LedgerStream.Definitions))
            Assert.Contains(all, i => i.GetProperty("campaignId").GetGuid() == LedgerStream.Definitions);

        // Every column is shown; payload and evidence as JSON, not strings.
        var completed = (await WalkAsync(auditor, $"campaignId={seed.A}&kind=task.completed", 10)).Single();
        var row = ledger.Single(h => h.Id == completed.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Object, completed.GetProperty("payload").ValueKind);
        Assert.Equal(seed.OrgA, completed.GetProperty("organization").GetString());
        Assert.Equal(row.BeforeState, completed.GetProperty("beforeState").GetString());
        Assert.Equal(row.AfterState, completed.GetProperty("afterState").GetString());
        Assert.Equal(row.Hash, completed.GetProperty("hash").GetString());
        Assert.Equal(row.PreviousHash, completed.GetProperty("previousHash").GetString());
        Assert.Equal(row.DefinitionId, completed.GetProperty("definitionId").GetString());
        Assert.True(completed.TryGetProperty("evidence", out _));
        var suspended = (await WalkAsync(auditor, $"campaignId={seed.A}&text=cmd%7C", 10)).Single();
        Assert.Equal(FormulaReason, suspended.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Paging_WithLimit3_WalksTheWholeRange_FollowingTheLinkHeader()
    {
        var seed = await SeedAsync();
        var auditor = await AuditorAsync();
        var ledger = await LedgerAsync();

        var all = await WalkAsync(auditor, "", 3);
        var ids = Ids(all);
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(Ids(ledger), ids);
        var times = all.Select(i => i.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.Order(), times);

        var organization = await WalkAsync(auditor, $"organization={seed.OrgA}&kind=", 3);
        Assert.Equal(Ids(ledger.Where(h => h.Organization == seed.OrgA)), Ids(organization));

        // limit is 1..500: outside it, refused rather than quietly clamped.
        Assert.Single((await auditor.GetJsonAsync($"{Entries}?limit=1")).Json.GetProperty("items").EnumerateArray());
        foreach (var limit in new[] { 0, -1, 501 })
            Problems.Assert(await auditor.GetJsonAsync($"{Entries}?limit={limit}"), System.Net.HttpStatusCode.BadRequest, "request.limit_invalid", "from 1 to 500");
    }

    [Fact]
    public async Task Csv_And_Ndjson_OfARange_AreItsJsonPages_RowForRow()
    {
        var seed = await SeedAsync();
        var auditor = await AuditorAsync();
        foreach (var query in new[] { $"organization={seed.OrgA}", $"campaignId={seed.B}", "" })
        {
            var pages = await WalkAsync(auditor, query, 2);
            Assert.NotEmpty(pages);

            var (csvResponse, csvBytes) = await ExportAsync($"{Entries}?{query}", "text/csv");
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
            var disposition = csvResponse.Content.Headers.ContentDisposition;
            Assert.Equal("attachment", disposition?.DispositionType);
            Assert.Matches(@"^ledger-.*\.csv$", disposition?.FileName);
            Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csvBytes[..3]);
            var rows = Csv.Parse(Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3));
            Assert.Equal(CsvHeader, rows[0]);
            Assert.Equal(pages.Count, rows.Count - 1);
            for (var i = 0; i < pages.Count; i++) AssertSameEntry(pages[i], rows[0], rows[i + 1]);

            var (ndjsonResponse, ndjsonBytes) = await ExportAsync($"{Entries}?{query}", "application/x-ndjson");
            Assert.Equal("application/x-ndjson", ndjsonResponse.Content.Headers.ContentType?.MediaType);
            var lines = Encoding.UTF8.GetString(ndjsonBytes).Split('\n');
            Assert.Equal("", lines[^1]);
            Assert.Equal(pages.Count, lines.Length - 1);
            for (var i = 0; i < pages.Count; i++)
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pages[i].GetRawText()), JsonNode.Parse(lines[i])), $"line {i}: {lines[i]}");
        }

        // The formula is escaped, the Chinese intact.
        var (_, bytes) = await ExportAsync($"{Entries}?campaignId={seed.A}", "text/csv");
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var reasons = csv.Skip(1).Select(r => r[Array.IndexOf(CsvHeader, "reason")]).ToList();
        Assert.Contains("'" + FormulaReason, reasons);
        Assert.DoesNotContain(FormulaReason, reasons);
        Assert.Contains(ChineseReason, reasons);

        // A cursor is where the export starts.
        var first = await auditor.GetJsonAsync($"{Entries}?organization={seed.OrgA}&limit=2");
        var cursor = first.Json.GetProperty("nextCursor").GetString()!;
        var rest = await WalkAsync(auditor, $"organization={seed.OrgA}&cursor={Uri.EscapeDataString(cursor)}", 500);
        var (_, tail) = await ExportAsync($"{Entries}?organization={seed.OrgA}&cursor={Uri.EscapeDataString(cursor)}", "application/x-ndjson");
        Assert.Equal(Ids(rest), Encoding.UTF8.GetString(tail).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()));
    }

    private static readonly string[] CsvHeader =
    [
        "id", "campaignId", "sequence", "at", "kind", "actor", "onBehalfOf", "reason", "idempotencyKey", "correlationId",
        "organization", "beforeState", "afterState", "evidence", "definitionId", "definitionVersion", "phaseId", "taskId",
        "payload", "previousHash", "hash",
    ];

    private static void AssertSameEntry(JsonElement item, string[] header, string[] row)
    {
        Assert.Equal(header.Length, row.Length);
        for (var c = 0; c < header.Length; c++)
        {
            var cell = row[c];
            var value = item.GetProperty(header[c]);
            switch (header[c])
            {
                case "at":
                    Assert.Equal(value.GetDateTime(), DateTime.Parse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                    break;
                case "payload" or "evidence":
                    if (value.ValueKind == JsonValueKind.Null) Assert.Equal("", cell);
                    else Assert.True(JsonNode.DeepEquals(JsonNode.Parse(value.GetRawText()), JsonNode.Parse(cell)), $"{header[c]}: {cell}");
                    break;
                default:
                    var expected = value.ValueKind switch
                    {
                        JsonValueKind.Null => "",
                        JsonValueKind.Number => value.GetRawText(),
                        _ => value.GetString()!,
                    };
                    if (expected.Length > 0 && expected[0] is '=' or '+' or '-' or '@' or '\t' or '\r') expected = "'" + expected;
                    Assert.Equal(expected, cell);
                    break;
            }
        }
    }

    /// <summary>A client with only the one Accept header, reading the raw bytes.</summary>
    private async Task<(HttpResponseMessage Response, byte[] Body)> ExportAsync(string url, string accept)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("auditor.export", false, Roles.Auditor));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(body));
        return (response, body);
    }

    [Fact]
    public async Task Participants_AreRefused_AndBadParameters_AreProblems()
    {
        var participant = await api.ClientAsync("member.sun", Roles.Participant);
        Problems.Assert(await participant.GetJsonAsync(Entries), HttpStatusCode.Forbidden, "auth.forbidden", "roles");
        var operatorClient = await api.ClientAsync("office.zhou", Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetJsonAsync(Entries)).Status);
        var admin = await api.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetJsonAsync(Entries)).Status);

        var auditor = await AuditorAsync();
        await Problems.RefusedAsync(h => auditor.GetJsonAsync($"{Entries}?cursor=not-a-cursor", h),
            HttpStatusCode.BadRequest, "paging.cursor_invalid", "cursor", "游标");
        // A cursor of another list is not ours.
        var campaigns = await auditor.GetJsonAsync("/api/v1/campaigns?limit=1");
        if (campaigns.Json.GetProperty("nextCursor").GetString() is { } other)
            Problems.Assert(await auditor.GetJsonAsync($"{Entries}?cursor={other}"), HttpStatusCode.BadRequest, "paging.cursor_invalid", "cursor");
        await Problems.RefusedAsync(h => auditor.GetJsonAsync($"{Entries}?from=yesterday", h),
            HttpStatusCode.BadRequest, "audit.time_invalid", "yesterday", "yesterday");
        await Problems.RefusedAsync(h => auditor.GetJsonAsync($"{Entries}?from=2026-02-01T00:00:00Z&to=2026-01-01", h),
            HttpStatusCode.BadRequest, "audit.range_invalid", "2026-02-01T00:00:00Z", "起始时间");
        // Documented, with its three representations.
        var document = await api.Client(null).GetJsonAsync("/swagger/v1/swagger.json");
        var content = document.Json.GetProperty("paths").GetProperty(Entries).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        foreach (var media in new[] { "application/json", "text/csv", "application/x-ndjson" }) Assert.True(content.TryGetProperty(media, out _), media);

        // The exports refuse the same way, before anything is streamed.
        var (status, problem) = await RawAsync($"{Entries}?to=13/45/2026", "text/csv");
        Assert.Equal((HttpStatusCode.BadRequest, "audit.time_invalid"), (status, problem));
    }

    private async Task<(HttpStatusCode, string?)> RawAsync(string url, string accept)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await api.IssueKeyAsync("auditor.raw", false, Roles.Auditor));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await HttpJson.Read(await client.GetAsync(url));
        return (response.Status, response.Json.ValueKind == JsonValueKind.Object ? response.ProblemCode : null);
    }
}

/// <summary>An RFC 4180 reader: quoted cells with doubled quotes and line breaks, CRLF between records.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when cell.Length == 0: quoted = true; break;
                case ',': row.Add(cell.ToString()); cell.Clear(); break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    row.Add(cell.ToString()); cell.Clear();
                    rows.Add([.. row]); row.Clear();
                    break;
                default: cell.Append(ch); break;
            }
        }
        Assert.False(quoted, "unterminated quoted cell");
        Assert.True(cell.Length == 0 && row.Count == 0, "the last record has no CRLF");
        return rows;
    }
}

public sealed class AuditQueryOnSqlite(SqliteApiFactory api) : AuditQueryTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class AuditQueryOnPostgres(PostgresApiFactory api) : AuditQueryTests(api), IClassFixture<PostgresApiFactory>;
