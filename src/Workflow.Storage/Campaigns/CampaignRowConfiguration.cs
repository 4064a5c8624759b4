using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Campaigns;

internal sealed class CampaignRowConfiguration : IEntityTypeConfiguration<CampaignRow>
{
    public void Configure(EntityTypeBuilder<CampaignRow> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Number);
        builder.Property(c => c.Number).ValueGeneratedOnAdd();
        builder.HasIndex(c => c.Id).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(CampaignRow.NameMaxLength);
        builder.Property(c => c.Organization).HasMaxLength(CampaignRow.OrganizationMaxLength);
        builder.Property(c => c.TemplateId).HasMaxLength(200);
        builder.Property(c => c.State).HasMaxLength(200);
        builder.Property(c => c.Status).HasMaxLength(32);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.Property(c => c.HistoryHead).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // Keyset paging over each list filter: (filter, number).
        builder.HasIndex(c => new { c.Status, c.Number });
        builder.HasIndex(c => new { c.State, c.Number });
        builder.HasIndex(c => new { c.Organization, c.Number });
    }
}
