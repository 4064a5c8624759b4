using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.History;

internal sealed class LedgerStreamConfiguration : IEntityTypeConfiguration<LedgerStream>
{
    public void Configure(EntityTypeBuilder<LedgerStream> builder)
    {
        builder.ToTable("ledger_streams");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.HistoryHead).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
