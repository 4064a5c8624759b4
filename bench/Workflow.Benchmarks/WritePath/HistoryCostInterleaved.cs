using System.Diagnostics;
using System.Globalization;
using Workflow.Benchmarks.Hosting;

namespace Workflow.Benchmarks.WritePath;

/// <summary>
/// The history-cost comparison with the two campaigns interleaved in one process: loop the fresh campaign, then the long
/// one, round after round, so a busy machine slows both alike (BenchmarkDotNet runs each case in its own process one after
/// another, and on a shared 2-core machine the load moves between them). Prints each side's median and p90 per command
/// and per GET progress, and their ratio.
/// </summary>
public static class HistoryCostInterleaved
{
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var priorLoops = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var fixture = await HistoryFixture.EnsureAsync(priorLoops, output);
        await using var api = new BenchApi(new Dictionary<string, string?>(), seedDatabase: fixture.DatabaseFile);
        using var client = await api.AdminClientAsync();
        var fresh = await SeedRequests.AtTheSummaryAsync(client);
        var (freshLoop, longLoop) = (1, fixture.Loops + 1);
        List<double> freshCommand = [], longCommand = [], freshProgress = [], longProgress = [];
        for (var round = 0; round < rounds + 10; round++)
        {
            var measured = round >= 10; // the first rounds warm both up
            var a = await TimeAsync(() => SeedRequests.LoopAsync(client, fresh, freshLoop++));
            var b = await TimeAsync(() => SeedRequests.LoopAsync(client, fixture.Campaign, longLoop++));
            var c = await TimeAsync(() => client.GetByteArrayAsync($"/api/v1/campaigns/{fresh}/progress"));
            var d = await TimeAsync(() => client.GetByteArrayAsync($"/api/v1/campaigns/{fixture.Campaign}/progress"));
            if (!measured) continue;
            freshCommand.Add(a / 2);
            longCommand.Add(b / 2);
            freshProgress.Add(c);
            longProgress.Add(d);
        }
        await output.WriteLineAsync($"{rounds} interleaved rounds, the long campaign after {priorLoops:N0} loops (ms):");
        await output.WriteLineAsync("| measure | fresh p50 / p90 | long p50 / p90 | long / fresh (p50) |");
        await output.WriteLineAsync("|---|---:|---:|---:|");
        await Row(output, "a command", freshCommand, longCommand);
        await Row(output, "GET progress", freshProgress, longProgress);
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static Task Row(TextWriter output, string name, List<double> fresh, List<double> old) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(fresh, 0.5):0.0} / {Percentile(fresh, 0.9):0.0} | {Percentile(old, 0.5):0.0} / {Percentile(old, 0.9):0.0} | {Percentile(old, 0.5) / Percentile(fresh, 0.5):0.00} |"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
