using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Identity;

/// <summary>
/// A local account, for the embedded default with no OpenID Connect provider: a user name and a password hashed by
/// ASP.NET Core Identity's <c>PasswordHasher</c> (PBKDF2, salted, with its version in the hash so it can be upgraded).
/// </summary>
public sealed class LocalUser
{
    public Guid Id { get; set; }

    /// <summary>The sign-in name, also the principal recorded on ledger entries.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated: admin, operator, participant, auditor.</summary>
    public required string Roles { get; set; }

    public bool CanActForOthers { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DisabledAt { get; set; }
}

internal sealed class LocalUserConfiguration : IEntityTypeConfiguration<LocalUser>
{
    public void Configure(EntityTypeBuilder<LocalUser> builder)
    {
        builder.ToTable("local_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserName).HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(400);
        builder.Property(u => u.Roles).HasMaxLength(200);
        builder.HasIndex(u => u.UserName).IsUnique();
    }
}
