using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Storage.Providers;

/// <summary>
/// Sets the pragmas that make SQLite durable and concurrent on every connection: a busy timeout
/// first, so concurrent writers (and the journal-mode switch itself) wait instead of failing at once;
/// WAL, so readers don't block the writer; synchronous=FULL, so an acknowledged commit survives a power cut.
/// Writers are serialized by the write lock that EF's BeginTransaction takes (Microsoft.Data.Sqlite
/// issues BEGIN IMMEDIATE), so a command's read-check-write never interleaves with another's.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // One command each: Microsoft.Data.Sqlite does not always report a busy error from a later statement of a batch.
    private static readonly string[] Pragmas =
        ["PRAGMA busy_timeout=10000;", "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;"];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        foreach (var pragma in Pragmas)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var pragma in Pragmas)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
