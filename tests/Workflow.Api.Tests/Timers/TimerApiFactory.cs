using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Api.Tests.Support;
using Workflow.Api.Timers;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Tests.Timers;

/// <summary>
/// The API over its own database with the timer definitions imported and a clock the test moves. The
/// hosted Quartz scheduler is off unless <see cref="Scheduler"/>, so a test runs the sweep itself, at the times it chooses;
/// with the scheduler on, the clock is the real one.
/// </summary>
public abstract class TimerApiFactory : ApiFactory
{
    /// <summary>Starts at the real time (whole seconds), so Quartz's own bookkeeping and the app's clock agree until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected virtual bool Scheduler => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Definitions:Folder", TimerDefinitions.WriteFolder(DataFolder));
        builder.UseSetting("Timers:Scheduler:Enabled", Scheduler ? "true" : "false");
        builder.UseSetting("Timers:Scheduler:SweepInterval", "00:00:00.500");
        // Quartz takes the container's TimeProvider for parts of its own bookkeeping, and a fake clock confuses it
        // (triggers stay acquired): with the hosted scheduler on, the app runs on real time.
        if (!Scheduler) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Runs one sweep, as the scheduled job does.</summary>
    public Task<int> SweepAsync() => Services.GetRequiredService<TimerSweep>().SweepAsync(CancellationToken.None);

    /// <summary>The campaign's ledger entries of these kinds, in order.</summary>
    public Task<List<HistoryEntry>> EntriesAsync(Guid campaignId, params string[] kinds) =>
        DbAsync(db => db.History.AsNoTracking().Where(h => h.CampaignId == campaignId && kinds.Contains(h.Kind)).OrderBy(h => h.Sequence).ToListAsync());
}

public class TimerSqliteFactory : TimerApiFactory
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";
}

public class TimerPostgresFactory : TimerApiFactory
{
    private readonly PostgresTestDatabase _database = new("timers");

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString => _database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}

/// <summary>The same with the hosted Quartz scheduler running, sweeping every half second.</summary>
public sealed class ScheduledSqliteFactory : TimerSqliteFactory
{
    protected override bool Scheduler => true;
}

public sealed class ScheduledPostgresFactory : TimerPostgresFactory
{
    protected override bool Scheduler => true;
}
