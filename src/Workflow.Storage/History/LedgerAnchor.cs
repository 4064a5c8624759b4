using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.History;

/// <summary>
/// How far a stream was last anchored: the anchoring compares it with the stream's head to find the
/// streams that moved since, so a run costs the number of streams, never the ledger's length.
/// </summary>
public sealed class LedgerAnchor
{
    public Guid StreamId { get; set; }
    public long Sequence { get; set; }
    public required string HeadHash { get; set; }
    public DateTime AnchoredAt { get; set; }

    /// <summary>The anchors stream's entry that carries the checkpoint.</summary>
    public long AnchorSequence { get; set; }
}

internal sealed class LedgerAnchorConfiguration : IEntityTypeConfiguration<LedgerAnchor>
{
    public void Configure(EntityTypeBuilder<LedgerAnchor> builder)
    {
        builder.ToTable("ledger_anchors");
        builder.HasKey(a => a.StreamId);
        builder.Property(a => a.HeadHash).HasMaxLength(64);
    }
}
