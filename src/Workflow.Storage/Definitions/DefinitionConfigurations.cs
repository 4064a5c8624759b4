using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Definitions;

internal sealed class PublishedDefinitionConfiguration : IEntityTypeConfiguration<PublishedDefinition>
{
    public void Configure(EntityTypeBuilder<PublishedDefinition> builder)
    {
        builder.ToTable("definitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(16);
        builder.Property(d => d.DefinitionId).HasMaxLength(200);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.Source).HasMaxLength(16);
        builder.Property(d => d.PublishedBy).HasMaxLength(200);
        builder.Property(d => d.RetractedBy).HasMaxLength(200);
        builder.HasIndex(d => new { d.Kind, d.DefinitionId, d.Version }).IsUnique();
    }
}

internal sealed class DefinitionDraftConfiguration : IEntityTypeConfiguration<DefinitionDraft>
{
    public void Configure(EntityTypeBuilder<DefinitionDraft> builder)
    {
        builder.ToTable("definition_drafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(16);
        builder.Property(d => d.DefinitionId).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Kind, d.DefinitionId });
    }
}
