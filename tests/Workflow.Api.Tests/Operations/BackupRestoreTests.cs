using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// Backup and restore as the README documents them: an online backup of a running server's
/// database (SQLite's backup API as `.backup` uses it, or VACUUM INTO; PostgreSQL's pg_dump), restored into a new database, on which a
/// new server verifies every ledger chain, serves the same feed, and goes on writing.
/// </summary>
public sealed class BackupRestoreTests
{
    public enum SqliteCopy { BackupApi, VacuumInto }

    // VACUUM INTO writes its copy in rollback-journal mode, so the restored server must switch it to WAL on its first
    // write connection, not on the read-only one EF opens to see whether the file exists (that once stopped start-up).
    [Theory]
    [InlineData(SqliteCopy.BackupApi)]
    [InlineData(SqliteCopy.VacuumInto)]
    public async Task ASqliteBackupTakenWhileTheServerRuns_RestoresWithEveryChainIntact(SqliteCopy copy)
    {
        var source = new SqliteApiFactory();
        await source.InitializeAsync();
        try
        {
            await SqliteRoundTripAsync(source, copy);
        }
        finally
        {
            await source.DisposeAsync();
        }
    }

    private static async Task SqliteRoundTripAsync(SqliteApiFactory source, SqliteCopy how)
    {
        var campaigns = await WriteSomeHistoryAsync(source);
        var backup = Path.Combine(Directory.CreateTempSubdirectory("campaign-backup-").FullName, "campaigns.db");
        await using (var connection = new SqliteConnection(source.SqliteConnectionString))
        {
            await connection.OpenAsync();
            if (how == SqliteCopy.BackupApi)
            {
                // What `sqlite3 campaigns.db ".backup …"` does: SQLite's online backup, consistent while writers go on.
                await using var copy = new SqliteConnection($"Data Source={backup};Pooling=False");
                await copy.OpenAsync();
                connection.BackupDatabase(copy);
            }
            else
            {
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", backup);
                await vacuum.ExecuteNonQueryAsync();
            }
        }

        var restored = new RestoredApiFactory("Sqlite", $"Data Source={backup};Pooling=True");
        try
        {
            await restored.InitializeAsync();
            await AssertRestoredAsync(source, restored, campaigns);
        }
        finally
        {
            await restored.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        }
    }

    [Fact]
    public async Task APostgresDumpRestoresIntoANewDatabase_WithEveryChainIntact()
    {
        var source = new PostgresApiFactory();
        await source.InitializeAsync();
        try
        {
            await PostgresRoundTripAsync(source);
        }
        finally
        {
            await source.DisposeAsync();
        }
    }

    private static async Task PostgresRoundTripAsync(PostgresApiFactory source)
    {
        var campaigns = await WriteSomeHistoryAsync(source);
        var dump = Path.Combine(Directory.CreateTempSubdirectory("campaign-dump-").FullName, "campaigns.dump");
        var target = "restored_" + Guid.NewGuid().ToString("N")[..16];
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString);
        string[] connection = ["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!];
        await RunAsync("pg_dump", [.. connection, "-Fc", "-f", dump, "-d", source.DatabaseName]);
        await PostgresServer.CreateDatabaseAsync(target);
        try
        {
            await RunAsync("pg_restore", [.. connection, "--exit-on-error", "--no-owner", "-d", target, dump]);
            var restored = new RestoredApiFactory("PostgreSql", $"{PostgresServer.ConnectionString};Database={target}");
            try
            {
                await restored.InitializeAsync();
                await AssertRestoredAsync(source, restored, campaigns);
            }
            finally
            {
                await restored.DisposeAsync();
            }
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(target);
            Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
        }
    }

    /// <summary>Three campaigns at different points, so the backup holds several chains of different lengths.</summary>
    private static async Task<IReadOnlyList<string>> WriteSomeHistoryAsync(ApiFactory api)
    {
        var client = await api.AdminAsync();
        return
        [
            await CampaignSteps.CreateAsync(client, "备份一"),
            await CampaignSteps.StartedAsync(client),
            await CampaignSteps.InAnalysisAsync(client),
        ];
    }

    private static async Task AssertRestoredAsync(ApiFactory source, ApiFactory restored, IReadOnlyList<string> campaigns)
    {
        var before = await source.AdminAsync();
        var after = await restored.AdminAsync();
        foreach (var campaign in campaigns)
        {
            var id = CampaignSteps.IdOf(campaign);
            var verified = await after.GetJsonAsync($"/api/v1/audit/campaigns/{id}/verify");
            Assert.True(verified.Status == HttpStatusCode.OK && verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
            var original = await before.GetJsonAsync($"/api/v1/audit/campaigns/{id}/verify");
            Assert.Equal(original.Json.GetProperty("headHash").GetString(), verified.Json.GetProperty("headHash").GetString());
            Assert.Equal(original.Json.GetProperty("entries").GetInt64(), verified.Json.GetProperty("entries").GetInt64());
        }
        var definitions = await after.GetJsonAsync("/api/v1/audit/streams/definitions/verify");
        Assert.True(definitions.Json.GetProperty("intact").GetBoolean(), definitions.Text);
        await Feed.SettledAsync(source, before);
        await Feed.SettledAsync(restored, after);
        Assert.Equal(await FeedAsync(before), await FeedAsync(after));

        // The restored database is a working one: the next command is written and chained on.
        await CampaignSteps.CompleteAsync(after, campaigns[1], "studyMobilization:1", Meeting("2023-03-01"));
        var next = await after.GetJsonAsync($"/api/v1/audit/campaigns/{CampaignSteps.IdOf(campaigns[1])}/verify");
        Assert.True(next.Json.GetProperty("intact").GetBoolean(), next.Text);
    }

    /// <summary>The whole events feed as (campaign, sequence, hash), page after page.</summary>
    private static async Task<List<string>> FeedAsync(HttpClient client)
    {
        var entries = new List<string>();
        var cursor = "0";
        while (true)
        {
            var page = await client.GetJsonAsync($"/api/v1/events?after={Uri.EscapeDataString(cursor)}&limit=200");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var items = page.Json.GetProperty("items");
            entries.AddRange(items.EnumerateArray().Select(i => $"{i.GetProperty("campaignId")}/{i.GetProperty("sequence")}/{i.GetProperty("hash")}"));
            if (items.GetArrayLength() == 0 || page.Json.GetProperty("nextCursor").ValueKind != JsonValueKind.String) return entries;
            cursor = page.Json.GetProperty("nextCursor").GetString()!;
        }
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var binaries = Environment.GetEnvironmentVariable("WORKFLOW_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
        var start = new ProcessStartInfo(Path.Combine(binaries, program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {await error}");
    }

    /// <summary>A server on a database restored from a backup.</summary>
    private sealed class RestoredApiFactory(string provider, string connectionString) : ApiFactory
    {
        protected override string Provider => provider;

        protected override string ConnectionString => connectionString;
    }
}
