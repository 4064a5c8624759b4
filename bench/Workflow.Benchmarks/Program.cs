using BenchmarkDotNet.Running;
using Workflow.Benchmarks.Ledger;

// `generate-ledger [entries] [path]` builds the SQLite ledger the ledger benchmarks read; anything else runs benchmarks.
if (args is ["generate-ledger", ..])
{
    var entries = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var path = args.Length > 2 ? args[2] : LedgerFile.DefaultPath;
    await LedgerGenerator.EnsureAsync(path, entries, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
