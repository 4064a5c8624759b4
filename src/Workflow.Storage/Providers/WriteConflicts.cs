using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Workflow.Storage.Providers;

/// <summary>
/// Tells a lost race from a real failure. Only a lost race (a stale concurrency token, a unique key
/// another writer took first, a lock or serialization failure) is worth running the command again;
/// anything else (a value too long for its column, a broken connection string) would fail the same
/// way every time, so it must not be dressed up as a conflict.
/// </summary>
public static class WriteConflicts
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555, SqliteConstraintUnique = 2067;

    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked
            || (s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique),
        // 2601/2627: duplicate key; 1205: chosen as the deadlock victim.
        SqlException s => s.Number is 2601 or 2627 or 1205,
        _ => false,
    };
}
