using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Audit.Query;
using Workflow.Api.Tests.Support;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Audit.Query;

/// <summary>
/// The audit query shapes use their index, asserted on the plan instead of timing: the SQL that EF
/// generates for each shape (with its real parameters) is explained by the database itself.
/// </summary>
public abstract class AuditQueryPlanTests(ApiFactory api)
{
    private static readonly DateTime At = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly AuditCursor.Position After = new(At, 42);

    /// <summary>The plan's lines, from EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL).</summary>
    protected abstract Task<List<string>> ExplainAsync(CampaignDbContext db, DbCommand command);

    /// <summary>Provider-specific checks beyond "uses the index" (SQLite: no full table scan).</summary>
    protected abstract void AssertNoFullScan(List<string> plan, string shape);

    public static TheoryData<string, string> Shapes => new()
    {
        { "campaign history", "IX_history_CampaignId_Sequence" },
        { "audit: campaign", "IX_history_CampaignId_Sequence" },
        { "audit: campaign + task", "IX_history_CampaignId_Sequence" },
        { "audit: global range", "IX_history_At_Id" },
        { "audit: global, first page", "IX_history_At_Id" },
        { "audit: actor + range", "IX_history_Actor_At_Id" },
        { "audit: kind + range", "IX_history_Kind_At_Id" },
        { "audit: organization + range", "IX_history_Organization_At_Id" },
        { "audit: phase + range", "IX_history_PhaseId_At_Id" },
    };

    private static readonly Guid Campaign = new("00000000-0000-0000-0000-0000000000a7");
    private const int Rows = 4000;

    /// <summary>
    /// Enough rows, spread over 200 campaigns, 40 actors, 20 kinds, organizations and phases and two years,
    /// that a planner with statistics tells a selective index from reading (At, Id) in order. This database
    /// belongs to this test class alone; the rows are not a chained ledger.
    /// </summary>
    private async Task EnsureRowsAsync(CampaignDbContext db)
    {
        if (await db.History.CountAsync(h => h.DefinitionId == "plan-test") >= Rows) return;
        for (var i = 0; i < Rows; i++)
        {
            db.History.Add(new HistoryEntry
            {
                CampaignId = i % 200 == 0 ? Campaign : new Guid(i % 200, 0, 0, new byte[8]),
                Sequence = i / 200 + 1,
                At = At.AddDays(-365).AddMinutes(i * 263),
                Kind = $"kind.{i % 20}",
                Actor = $"actor.{i % 40}",
                Organization = $"org-{i % 20}",
                PhaseId = $"phase-{i % 20}",
                TaskId = $"task-{i % 10}",
                Reason = i % 7 == 0 ? "按计划推进" : null,
                DefinitionId = "plan-test",
                DefinitionVersion = 1,
                Payload = "{}",
                PreviousHash = new string('0', 64),
                Hash = new string('0', 64),
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static IQueryable<HistoryEntry> Query(CampaignDbContext db, string shape)
    {
        var history = db.History.AsNoTracking();
        var campaign = Campaign;
        return shape switch
        {
            // The campaign history endpoint's query.
            "campaign history" => history.Where(h => h.CampaignId == campaign && h.Sequence > 1).OrderBy(h => h.Sequence).Take(51),
            "audit: campaign" => new AuditFilter(CampaignId: campaign, After: After).Apply(history).Take(51),
            "audit: campaign + task" => new AuditFilter(CampaignId: campaign, TaskId: "task-3", After: After).Apply(history).Take(51),
            "audit: global range" => new AuditFilter(From: At.AddDays(-300), To: At.AddDays(300), After: After).Apply(history).Take(51),
            "audit: global, first page" => new AuditFilter().Apply(history).Take(51),
            "audit: actor + range" => new AuditFilter(Actor: "actor.3", From: At.AddDays(-300), To: At.AddDays(300), After: After).Apply(history).Take(51),
            "audit: kind + range" => new AuditFilter(Kind: "kind.4", From: At.AddDays(-300), After: After).Apply(history).Take(51),
            "audit: organization + range" => new AuditFilter(Organization: "org-5", To: At.AddDays(300), After: After).Apply(history).Take(51),
            "audit: phase + range" => new AuditFilter(Phase: "phase-6", From: At.AddDays(-300), After: After).Apply(history).Take(51),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task QueryShape_UsesItsIndex(string shape, string index)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        await EnsureRowsAsync(db);
        await db.Database.OpenConnectionAsync();
        try
        {
            var query = Query(db, shape);
            Assert.DoesNotContain("OFFSET", query.ToQueryString(), StringComparison.OrdinalIgnoreCase);
            await using var command = query.CreateDbCommand();
            var plan = await ExplainAsync(db, command);
            var text = string.Join("\n", plan);
            Assert.True(text.Contains(index, StringComparison.Ordinal), $"{shape}: the plan does not use {index}:\n{text}\n\n{command.CommandText}");
            AssertNoFullScan(plan, shape);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class AuditQueryPlanOnSqlite(SqliteApiFactory api) : AuditQueryPlanTests(api), IClassFixture<SqliteApiFactory>
{
    protected override async Task<List<string>> ExplainAsync(CampaignDbContext db, DbCommand command)
    {
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        // id, parent, notused, detail
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }

    protected override void AssertNoFullScan(List<string> plan, string shape)
    {
        // "SCAN h" (or "SCAN history") alone reads the whole table; "SCAN h USING INDEX …" reads an index in order and stops at the limit.
        Assert.DoesNotContain(plan, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^SCAN (h|history)$"));
        Assert.All(plan, line => Assert.DoesNotContain("USING INDEX sqlite_autoindex", line, StringComparison.Ordinal));
        if (!shape.StartsWith("audit: campaign", StringComparison.Ordinal)) // one campaign's entries are few; the others are read in index order, with no sort
            Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}

[Trait("Database", "PostgreSql")]
public sealed class AuditQueryPlanOnPostgres(PostgresApiFactory api) : AuditQueryPlanTests(api), IClassFixture<PostgresApiFactory>
{
    protected override async Task<List<string>> ExplainAsync(CampaignDbContext db, DbCommand command)
    {
        // A small test table is cheapest to read whole; with sequential scans off, the plan shows whether an index is usable at all.
        await db.Database.ExecuteSqlRawAsync("ANALYZE history");
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        command.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    protected override void AssertNoFullScan(List<string> plan, string shape) =>
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
}
