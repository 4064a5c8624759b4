namespace Workflow.Api.Organizations;

/// <summary>A group of principals on a unit, with its members; a lead may hand the group's tasks on.</summary>
public sealed record GroupView(
    string Id, string OrganizationId, IReadOnlyDictionary<string, string> DisplayNames, string DisplayName, IReadOnlyList<GroupMemberView> Members);

public sealed record GroupMemberView(string Principal, bool Lead);

/// <summary>A new group: its id, the unit it belongs to, its names (zh-CN required, en optional).</summary>
public sealed record CreateGroupRequest(string? Id, string? OrganizationId, Dictionary<string, string?>? DisplayNames);

/// <summary>A principal to add to a group (or whose lead flag to change).</summary>
public sealed record AddGroupMemberRequest(string? Principal, bool? Lead);

/// <summary>A role on a unit (and so its subtree), held by one principal or by a group's members.</summary>
public sealed record RoleGrantView(Guid Id, string? Principal, string? Group, string Role, string OrganizationId, DateTime GrantedAt, string GrantedBy);

/// <summary>A role to grant: to a principal or to a group (exactly one of them), on a unit.</summary>
public sealed record CreateRoleGrantRequest(string? Principal, string? Group, string? Role, string? OrganizationId);
