using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Storage.Providers;

/// <summary>
/// Sets the pragmas that make SQLite durable and concurrent, once on each physical connection (a pooled connection keeps
/// them, and EF opens one for nearly every query): a busy timeout first, so concurrent writers (and the journal-mode
/// switch itself) wait instead of failing at once; WAL, so readers don't block the writer; synchronous=FULL, so an
/// acknowledged commit survives a power cut. Campaign commands also queue for the writer in process (CommandGates).
/// Read-only connections (EF opens one to ask whether the file exists) get only the busy timeout: switching a file that
/// is still in rollback-journal mode (a VACUUM INTO copy, a file from another tool) to WAL is a write, and would stop the
/// server from starting on it.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // One command each: Microsoft.Data.Sqlite does not always report a busy error from a later statement of a batch.
    private static readonly string[] Pragmas =
        ["PRAGMA busy_timeout=10000;", "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA foreign_keys=ON;"];

    private static readonly string[] ReadOnlyPragmas = ["PRAGMA busy_timeout=10000;"];

    /// <summary>The native handles already set up; a handle leaves with its connection when the pool lets it go.</summary>
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpening(connection)) return;
        foreach (var pragma in For(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpening(connection)) return;
        foreach (var pragma in For(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string[] For(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;

    /// <summary>True the first time this physical connection opens (marked before the pragmas run; they are idempotent).</summary>
    private static bool FirstOpening(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return true;
        return Prepared.TryAdd(handle, Prepared);
    }
}
