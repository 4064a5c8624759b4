using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Benchmarks.Hosting;
using Workflow.Storage;

namespace Workflow.Benchmarks.WritePath;

/// <summary>
/// A SQLite database holding one campaign that has looped the study summary (draft, then "request changes") a given
/// number of times through the real API, kept in the temp folder so that every benchmark case starts from a copy instead
/// of replaying 20,000 completions. Made once per loop count; delete the file to make it again.
/// </summary>
public static class HistoryFixture
{
    public sealed record Made(string DatabaseFile, Guid Campaign, int Loops);

    public static string PathFor(int loops) => Path.Combine(Path.GetTempPath(), $"workflow-bench-history-{loops}.db");

    public static async Task<Made> EnsureAsync(int loops, TextWriter log)
    {
        var file = PathFor(loops);
        var sidecar = file + ".campaign";
        if (File.Exists(file) && File.Exists(sidecar))
            return new Made(file, Guid.Parse(await File.ReadAllTextAsync(sidecar)), loops);

        await using var api = new BenchApi(new Dictionary<string, string?>());
        using var client = await api.AdminClientAsync();
        var id = await SeedRequests.AtTheSummaryAsync(client);
        for (var loop = 1; loop <= loops; loop++)
        {
            await SeedRequests.LoopAsync(client, id, loop);
            if (loop % 1000 == 0) await log.WriteLineAsync($"// history fixture: {loop} of {loops} loops");
        }
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            var snapshot = await db.Campaigns.Where(c => c.Id == id).Select(c => c.StateJson.Length).SingleAsync();
            await log.WriteLineAsync($"// after {loops} loops the stored snapshot is {snapshot.ToString("N0", CultureInfo.InvariantCulture)} characters");
        }
        File.Delete(file);
        // VACUUM INTO writes a consistent copy while the host still holds the file (and its WAL) open.
        await using (var connection = new SqliteConnection($"Data Source={api.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", file);
            await vacuum.ExecuteNonQueryAsync();
        }
        await File.WriteAllTextAsync(sidecar, id.ToString());
        return new Made(file, id, loops);
    }
}
