using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Storage;

/// <summary>The database itself refuses to change or remove ledger entries, whatever the application does.</summary>
public abstract class AppendOnlyLedgerTests(ApiFactory api)
{
    [Fact]
    public async Task UpdateAndDelete_OnTheLedger_AreRefusedByTheDatabase()
    {
        var client = await api.ClientAsync("office", Roles.Operator);
        var created = await client.PostJsonAsync("/api/v1/campaigns", SeedData.NewCampaign());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var before = await api.DbAsync(db => db.History.CountAsync());
        Assert.True(before > 0);

        var update = await Assert.ThrowsAnyAsync<Exception>(() => api.DbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE history SET \"Actor\" = 'someone else'")));
        Assert.Contains("append-only", update.GetBaseException().Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => api.DbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM history")));
        Assert.Contains("append-only", delete.GetBaseException().Message);

        Assert.Equal(before, await api.DbAsync(db => db.History.CountAsync()));
        Assert.Equal(0, await api.DbAsync(db => db.History.CountAsync(h => h.Actor == "someone else")));
    }
}

public sealed class AppendOnlyLedgerOnSqlite(SqliteApiFactory api) : AppendOnlyLedgerTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class AppendOnlyLedgerOnPostgres(PostgresApiFactory api) : AppendOnlyLedgerTests(api), IClassFixture<PostgresApiFactory>;
