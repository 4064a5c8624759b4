using BenchmarkDotNet.Running;
using Workflow.Benchmarks.Ledger;
using Workflow.Benchmarks.Webhooks;

namespace Workflow.Benchmarks;

/// <summary>A named entry point: the API project's Program is visible here too.</summary>
public static class BenchmarkProgram
{
    /// <summary>
    /// `generate-ledger [entries] [path]` builds the SQLite ledger the ledger benchmarks read; `csv-memory` measures a full
    /// CSV export; `delivery-latency [seconds] [rate] [poll interval]` measures webhook commit-to-delivery latency;
    /// `history-cost [prior loops] [rounds]` compares a long campaign with a fresh one, interleaved; anything
    /// else runs BenchmarkDotNet.
    /// </summary>
    public static async Task Main(string[] args)
    {
        if (args is ["generate-ledger", ..])
        {
            var entries = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            var path = args.Length > 2 ? args[2] : LedgerFile.DefaultPath;
            await LedgerGenerator.EnsureAsync(path, entries, Console.Out);
            return;
        }
        if (args is ["csv-memory", ..])
        {
            await CsvExportMemory.RunAsync(Console.Out);
            return;
        }
        if (args is ["history-cost", .. var history])
        {
            await WritePath.HistoryCostInterleaved.RunAsync(history, Console.Out);
            return;
        }
        if (args is ["delivery-latency", .. var rest])
        {
            await DeliveryLatency.RunAsync(rest, Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
