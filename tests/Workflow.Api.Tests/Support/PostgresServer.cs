using Npgsql;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server the test command started (WORKFLOW_TEST_POSTGRES). Its absence is a
/// failure, never a skip: the README's test command always provides it.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "WORKFLOW_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server and sets it.");

    public static Task CreateDatabaseAsync(string name) => ExecuteAsync($"CREATE DATABASE \"{name}\"");

    /// <summary>Runs one statement as the server's superuser, on its maintenance database.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A database of one test host's own on the test server: named with a prefix and a random suffix so that hosts never
/// share one, created before the host starts and dropped (with its connections) after it stops.
/// </summary>
public sealed class PostgresTestDatabase(string prefix)
{
    public string Name { get; } = prefix + "_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => $"{PostgresServer.ConnectionString};Database={Name}";

    public Task CreateAsync() => PostgresServer.CreateDatabaseAsync(Name);

    public Task DropAsync() => PostgresServer.DropDatabaseAsync(Name);
}
