using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedOnAdd();
        builder.Property(o => o.Kind).HasMaxLength(64);
        builder.Property(o => o.Organization).HasMaxLength(200);
        builder.HasIndex(o => new { o.CampaignId, o.Sequence }).IsUnique();
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.Property(s => s.Kinds).HasMaxLength(2000);
        builder.Property(s => s.Organization).HasMaxLength(200);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.CreatedAt, s.Id });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Kind).HasMaxLength(64);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per entry and subscription; also the index the per-campaign order check seeks.
        builder.HasIndex(d => new { d.SubscriptionId, d.CampaignId, d.Sequence }).IsUnique();
        // The dispatcher's scan for due deliveries, and the dead letters' keyset.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.Status, d.Id });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.Property(n => n.Principal).HasMaxLength(200);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.TaskId).HasMaxLength(300);
        builder.Property(n => n.Subject).HasMaxLength(500);
        // The inbox (newest first) and the unread count, per principal.
        builder.HasIndex(n => new { n.Principal, n.Id });
        builder.HasIndex(n => new { n.Principal, n.Read, n.Id });
    }
}
