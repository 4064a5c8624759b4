namespace Workflow.Storage.Organizations;

/// <summary>A group of principals that belongs to an organization node: a party committee, a campaign office, a party group.</summary>
public sealed class OrganizationGroup
{
    public required string Id { get; set; }
    public required string OrganizationId { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A principal in a group; a lead may, for instance, hand the group's tasks on.</summary>
public sealed class GroupMember
{
    public const int PrincipalMaxLength = 200;

    public required string GroupId { get; set; }
    public required string Principal { get; set; }
    public bool IsLead { get; set; }
    public DateTime AddedAt { get; set; }
}
