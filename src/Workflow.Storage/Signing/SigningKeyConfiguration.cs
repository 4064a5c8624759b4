using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Signing;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.Kid);
        builder.Property(k => k.Kid).HasMaxLength(SigningKey.KidLength);
        builder.Property(k => k.Algorithm).HasMaxLength(16);
        builder.Property(k => k.PublicKeyPem).HasMaxLength(1000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(4000);
        builder.Property(k => k.Origin).HasMaxLength(16);
        // Nulls do not collide in a unique index (SQL Server's gets a NOT NULL filter): one current key at most.
        builder.HasIndex(k => k.Current).IsUnique();
    }
}

/// <summary>Data Protection's key store, in the shared database so that every server decrypts what another encrypted.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
