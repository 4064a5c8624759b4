using Npgsql;

namespace Workflow.Benchmarks.Hosting;

public enum BenchStore { Sqlite, PostgreSql }

/// <summary>
/// The database a benchmark's API runs on: its own SQLite file (BenchApi's default), or a database of its own on the
/// PostgreSQL server named by WORKFLOW_BENCH_POSTGRES (or WORKFLOW_TEST_POSTGRES), created here and dropped afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _name;

    private BenchDatabase(IReadOnlyDictionary<string, string?> settings, string? server, string? name)
    {
        Settings = settings;
        _server = server;
        _name = name;
    }

    /// <summary>Settings for <see cref="BenchApi"/>: empty for SQLite, the provider and connection string for PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchStore store)
    {
        if (store == BenchStore.Sqlite) return new BenchDatabase(new Dictionary<string, string?>(), null, null);
        var server = Environment.GetEnvironmentVariable("WORKFLOW_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("WORKFLOW_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "The PostgreSQL benchmarks need a server: set WORKFLOW_BENCH_POSTGRES to a connection string such as " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" (a database of their own is created on it and dropped).");
        var name = "workflow_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        return new BenchDatabase(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:ConnectionString"] = database,
        }, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
