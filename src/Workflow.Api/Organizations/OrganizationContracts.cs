namespace Workflow.Api.Organizations;

/// <summary>A unit of the tree. <c>path</c> lists the ids from the top down (<c>/district/bureau/</c>); <c>displayName</c> is in the request's language.</summary>
public sealed record OrganizationView(
    string Id, string? ParentId, string Kind, string KindDisplayName, IReadOnlyDictionary<string, string> DisplayNames, string DisplayName, string Path);

/// <summary>A new unit: its id (never changed later), its parent (none: top level), its kind and its names (zh-CN required, en optional).</summary>
public sealed record CreateOrganizationRequest(string? Id, string? ParentId, string? Kind, Dictionary<string, string?>? DisplayNames);

/// <summary>A unit's new kind and names; what is left out stays.</summary>
public sealed record UpdateOrganizationRequest(string? Kind, Dictionary<string, string?>? DisplayNames);

/// <summary>Where a unit (with its subtree) goes: under another unit, or to the top level (null).</summary>
public sealed record MoveOrganizationRequest(string? ParentId);

/// <summary>What an import changed; all zeros but <c>unchanged</c> when the file was the tree already.</summary>
public sealed record OrganizationImportResult(int Created, int Updated, int Moved, int Unchanged);
