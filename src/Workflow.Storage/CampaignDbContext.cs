using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage.Campaigns;
using Workflow.Storage.Definitions;
using Workflow.Storage.History;
using Workflow.Storage.Identity;
using Workflow.Storage.Idempotency;
using Workflow.Storage.Signing;
using Workflow.Storage.Organizations;
using Workflow.Storage.Outbox;
using Workflow.Storage.Tasks;
using Workflow.Storage.Timers;

namespace Workflow.Storage;

/// <summary>
/// The one database context; its logical schema is the same on SQLite, SQL Server and PostgreSQL.
/// It is also the Data Protection key store every server shares (the key that encrypts the ledger's
/// signing keys).
/// </summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<PublishedDefinition> Definitions => Set<PublishedDefinition>();
    public DbSet<DefinitionDraft> Drafts => Set<DefinitionDraft>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<LocalUser> LocalUsers => Set<LocalUser>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<LedgerStream> LedgerStreams => Set<LedgerStream>();
    public DbSet<LedgerAnchor> LedgerAnchors => Set<LedgerAnchor>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OrganizationNode> OrganizationNodes => Set<OrganizationNode>();
    public DbSet<OrganizationGroup> OrganizationGroups => Set<OrganizationGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    // Every ledger entry gets its outbox row and notifications in the same SaveChanges, so in the same transaction.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        LedgerOutbox.AddFor(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        LedgerOutbox.AddFor(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
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
