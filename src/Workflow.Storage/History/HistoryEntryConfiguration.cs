using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.History;

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedOnAdd();
        builder.Property(h => h.Kind).HasMaxLength(64);
        builder.Property(h => h.Actor).HasMaxLength(200);
        builder.Property(h => h.OnBehalfOf).HasMaxLength(200);
        builder.Property(h => h.IdempotencyKey).HasMaxLength(200);
        builder.Property(h => h.CorrelationId).HasMaxLength(200);
        builder.Property(h => h.DefinitionId).HasMaxLength(200);
        builder.Property(h => h.PhaseId).HasMaxLength(200);
        builder.Property(h => h.TaskId).HasMaxLength(300);
        builder.Property(h => h.PreviousHash).HasMaxLength(64);
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.Property(h => h.Organization).HasMaxLength(200);
        builder.Property(h => h.BeforeState).HasMaxLength(200);
        builder.Property(h => h.AfterState).HasMaxLength(200);
        // No gaps and no duplicates per campaign; also the keyset index of a campaign's history.
        builder.HasIndex(h => new { h.CampaignId, h.Sequence }).IsUnique();
        // The auditors' query shapes: each filter followed by the keyset order (At, Id).
        builder.HasIndex(h => new { h.At, h.Id });
        builder.HasIndex(h => new { h.Actor, h.At, h.Id });
        builder.HasIndex(h => new { h.Kind, h.At, h.Id });
        builder.HasIndex(h => new { h.Organization, h.At, h.Id });
        builder.HasIndex(h => new { h.PhaseId, h.At, h.Id });
    }
}
