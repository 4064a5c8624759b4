using Microsoft.EntityFrameworkCore;
using Workflow.Storage.Campaigns;
using Workflow.Storage.Definitions;
using Workflow.Storage.History;
using Workflow.Storage.Identity;
using Workflow.Storage.Idempotency;
using Workflow.Storage.Tasks;
using Workflow.Storage.Timers;

namespace Workflow.Storage;

/// <summary>The one database context; its logical schema is the same on SQLite, SQL Server and PostgreSQL.</summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : DbContext(options)
{
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<PublishedDefinition> Definitions => Set<PublishedDefinition>();
    public DbSet<DefinitionDraft> Drafts => Set<DefinitionDraft>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<LedgerStream> LedgerStreams => Set<LedgerStream>();
    public DbSet<TimerRow> Timers => Set<TimerRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CampaignDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC, truncated to microseconds, on every provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
