using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Providers;

namespace Workflow.Benchmarks.Ledger;

/// <summary>Where the generated ledger lives; outside the repository, since it is hundreds of megabytes.</summary>
public static class LedgerFile
{
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("WORKFLOW_BENCH_LEDGER") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "workflow-bench-ledger.db");

    /// <summary>A read-only context on the generated ledger at <paramref name="path"/>, as the benchmarks read it.</summary>
    public static CampaignDbContext OpenReadOnly(string path)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path};Mode=ReadOnly");
        return new CampaignDbContext(options.Options);
    }
}
