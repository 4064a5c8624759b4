using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Storage;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// What the SQLite write path relies on: EF's BeginTransactionAsync (Microsoft.Data.Sqlite) starts
/// with BEGIN IMMEDIATE, so a command holds the write lock from its first read, and a second writer
/// waits (busy timeout) instead of reading stale state and failing at commit.
/// </summary>
public sealed class SqliteWriteLockTests : IAsyncLifetime
{
    private readonly SqliteApiFactory _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task BeginTransaction_TakesTheWriteLockAtOnce()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var file = Path.Combine(_api.DataFolder, "campaigns.db");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // No statement has run in the transaction yet, and still another writer cannot begin.
            var error = await Assert.ThrowsAsync<SqliteException>(() => BeginImmediateAsync(file));
            Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
        }
        await BeginImmediateAsync(file); // released by the rollback
    }

    private static async Task BeginImmediateAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        // One statement per command: an error in a later statement of a batch is not always reported.
        foreach (var sql in new[] { "PRAGMA busy_timeout=0;", "BEGIN IMMEDIATE;", "ROLLBACK;" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 1;
            await command.ExecuteNonQueryAsync();
        }
    }
}
