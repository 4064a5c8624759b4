using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflow.Storage.Providers;

/// <summary>
/// Tells "the database cannot take this request now" from a fault in the request or the code: no connection to be had
/// (the server's or the database's connection limit, an exhausted pool, a server shutting down or starting up, a broken
/// network) or a write lock never granted. Such a request was not applied and will likely go through a moment later, so
/// it is answered 503 with Retry-After, not a 500 that reads like a bug.
/// </summary>
public static class StorageUnavailable
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (Unavailable(current)) return true;
        return false;
    }

    private static bool Unavailable(Exception exception) => exception switch
    {
        // Class 53: insufficient resources (53300 too many connections); 57P01-57P03: the server is shutting down,
        // crashed or is starting; class 08: the connection failed.
        PostgresException p => p.SqlState.StartsWith("53", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal)
                               || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        // Not a server's answer: a pool with no free connection in time, a connect time-out, a dropped socket.
        NpgsqlException n => n.InnerException is TimeoutException or System.Net.Sockets.SocketException or IOException,
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked,
        // -2: time-out; 4060/18456 would be configuration, not load, so they stay 500s.
        SqlException s => s.Number is -2 or 10928 or 10929 or 10053 or 10054 or 233 or 40613 or 40501,
        _ => false,
    };
}
