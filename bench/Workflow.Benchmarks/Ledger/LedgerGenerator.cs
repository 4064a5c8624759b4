using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Providers;

namespace Workflow.Benchmarks.Ledger;

/// <summary>
/// Builds a SQLite ledger of a given size with the real schema (migrations, indexes, triggers) and
/// real hash chains: campaigns of 1,000 entries each, a handful of actors, kinds and organizations,
/// times one second apart. Reports progress as it goes.
/// </summary>
public static class LedgerGenerator
{
    private static readonly string[] Actors = ["campaign-office", "party-secretary", "leader.zhang", "leader.li", "auditor.wu"];
    private static readonly string[] Kinds = ["task.activated", "task.completed", "phase.transitioned", "gates.evaluated", "finding.recorded"];
    private static readonly string[] Organizations = ["district-education-bureau", "district-health-bureau", "district-finance-bureau"];
    private static readonly string[] Phases = ["study", "analysis", "rectification"];

    public const int EntriesPerCampaign = 1_000;
    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<string> EnsureAsync(string path, int entries, TextWriter progress)
    {
        if (File.Exists(path) && await CountAsync(path) >= entries) return path;
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        await using (var db = new CampaignDbContext(options.Options)) await db.Database.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var clock = Stopwatch.StartNew();
        var campaigns = (entries + EntriesPerCampaign - 1) / EntriesPerCampaign;
        var written = 0;
        for (var c = 0; c < campaigns; c++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = InsertCommand(connection, transaction);
            var campaignId = new Guid(c + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
            var previous = HistoryChain.Genesis;
            for (var s = 1; s <= EntriesPerCampaign && written < entries; s++, written++)
            {
                var entry = new HistoryEntry
                {
                    CampaignId = campaignId,
                    Sequence = s,
                    At = Start.AddSeconds(written),
                    Kind = Kinds[(written * 7) % Kinds.Length],
                    Actor = Actors[(written * 3 + c) % Actors.Length],
                    Reason = s % 50 == 0 ? "阶段推进：按计划完成" : null,
                    Organization = Organizations[c % Organizations.Length],
                    DefinitionId = "analysis-phase",
                    DefinitionVersion = 1,
                    PhaseId = Phases[c % Phases.Length],
                    TaskId = $"task:{s}",
                    Payload = $"{{\"kind\":\"generated\",\"n\":{written}}}",
                    PreviousHash = previous,
                    Hash = "",
                };
                entry.Hash = HistoryChain.Hash(entry);
                previous = entry.Hash;
                Bind(insert, entry);
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            if (c % 100 == 99) await progress.WriteLineAsync($"  {written:N0} of {entries:N0} entries ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        await Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        await progress.WriteLineAsync($"  {written:N0} entries in {clock.Elapsed.TotalSeconds:F0} s: {path}");
        return path;
    }

    private static async Task<long> CountAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM history";
        try { return (long)(await command.ExecuteScalarAsync())!; }
        catch (SqliteException) { return 0; }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static readonly string[] Columns =
        ["CampaignId", "Sequence", "At", "Kind", "Actor", "OnBehalfOf", "Reason", "IdempotencyKey", "CorrelationId", "Organization",
         "BeforeState", "AfterState", "Evidence", "DefinitionId", "DefinitionVersion", "PhaseId", "TaskId", "Payload", "PreviousHash", "Hash"];

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO history ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        foreach (var column in Columns) command.Parameters.Add(new SqliteParameter("$" + column, null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, HistoryEntry e)
    {
        object?[] values =
        [
            e.CampaignId.ToString().ToUpperInvariant(), e.Sequence, e.At.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"), e.Kind, e.Actor, e.OnBehalfOf, e.Reason,
            e.IdempotencyKey, e.CorrelationId, e.Organization, e.BeforeState, e.AfterState, e.Evidence, e.DefinitionId, e.DefinitionVersion,
            e.PhaseId, e.TaskId, e.Payload, e.PreviousHash, e.Hash,
        ];
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
