using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Identity;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Prefix).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Principal).HasMaxLength(200);
        builder.Property(k => k.Roles).HasMaxLength(200);
        builder.Property(k => k.Kind).HasMaxLength(16).HasDefaultValue(ApiKey.KindKey);
        builder.Property(k => k.Owner).HasMaxLength(200);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.Kind, k.CreatedAt });
    }
}
