namespace Workflow.Storage.Organizations;

/// <summary>
/// A role held on an organization node, and so on every node of its subtree: by one principal, or by every
/// member of a group.
/// </summary>
public sealed class RoleGrant
{
    public const string ToPrincipal = "principal";
    public const string ToGroup = "group";

    public Guid Id { get; set; }

    /// <summary><see cref="ToPrincipal"/> or <see cref="ToGroup"/>.</summary>
    public required string GranteeKind { get; set; }

    /// <summary>The principal id or the group id.</summary>
    public required string Grantee { get; set; }

    /// <summary>admin, operator, participant or auditor.</summary>
    public required string Role { get; set; }

    public required string OrganizationId { get; set; }
    public DateTime GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
}
