using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Organizations;

internal sealed class OrganizationNodeConfiguration : IEntityTypeConfiguration<OrganizationNode>
{
    public void Configure(EntityTypeBuilder<OrganizationNode> builder)
    {
        builder.ToTable("organization_nodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(n => n.ParentId).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(n => n.Kind).HasMaxLength(32);
        builder.Property(n => n.NameZh).HasMaxLength(OrganizationNode.NameMaxLength);
        builder.Property(n => n.NameEn).HasMaxLength(OrganizationNode.NameMaxLength);
        builder.Property(n => n.Path).HasMaxLength(OrganizationNode.PathMaxLength);
        builder.HasIndex(n => n.Path).IsUnique();
        builder.HasIndex(n => n.ParentId);
        // A node with children cannot go: the API refuses first, the key is the last guard.
        builder.HasOne<OrganizationNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationGroupConfiguration : IEntityTypeConfiguration<OrganizationGroup>
{
    public void Configure(EntityTypeBuilder<OrganizationGroup> builder)
    {
        builder.ToTable("organization_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(g => g.OrganizationId).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(g => g.NameZh).HasMaxLength(OrganizationNode.NameMaxLength);
        builder.Property(g => g.NameEn).HasMaxLength(OrganizationNode.NameMaxLength);
        builder.HasIndex(g => g.OrganizationId);
        builder.HasOne<OrganizationNode>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members");
        builder.HasKey(m => new { m.GroupId, m.Principal });
        builder.Property(m => m.GroupId).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(m => m.Principal).HasMaxLength(GroupMember.PrincipalMaxLength);
        // The access resolver reads a caller's memberships on every request that asks.
        builder.HasIndex(m => m.Principal);
        builder.HasOne<OrganizationGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("role_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.GranteeKind).HasMaxLength(16);
        builder.Property(g => g.Grantee).HasMaxLength(GroupMember.PrincipalMaxLength);
        builder.Property(g => g.Role).HasMaxLength(32);
        builder.Property(g => g.OrganizationId).HasMaxLength(OrganizationNode.IdMaxLength);
        builder.Property(g => g.GrantedBy).HasMaxLength(200);
        builder.HasIndex(g => new { g.GranteeKind, g.Grantee, g.Role, g.OrganizationId }).IsUnique();
        builder.HasIndex(g => g.OrganizationId);
        builder.HasOne<OrganizationNode>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
