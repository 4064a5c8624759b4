namespace Workflow.Benchmarks.Ledger;

/// <summary>Where the generated ledger lives; outside the repository, since it is hundreds of megabytes.</summary>
public static class LedgerFile
{
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("WORKFLOW_BENCH_LEDGER") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "workflow-bench-ledger.db");
}
