namespace Workflow.Storage.Organizations;

/// <summary>
/// A unit of the organization tree (district, bureau, office, party committee, party group, school). Its
/// <see cref="Path"/> is materialized (<c>/district/bureau/office/</c>, ids from the top down, each between
/// slashes), so "is X under Y" is a look at X's path and "everything under Y" is one prefix query on an index.
/// </summary>
public sealed class OrganizationNode
{
    public const int IdMaxLength = 64;
    public const int NameMaxLength = 200;

    /// <summary>Paths are indexed; SQL Server indexes at most 900 bytes, so a path (and so the tree's depth) stays within 450 characters.</summary>
    public const int PathMaxLength = 450;

    /// <summary>A stable slug (the identifier rule of the rest of the API); campaigns name their organization by it.</summary>
    public required string Id { get; set; }

    /// <summary>Null for a top-level node.</summary>
    public string? ParentId { get; set; }

    public required string Kind { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Path { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The path of a node with this id under a parent with <paramref name="parentPath"/> (null: top level).</summary>
    public static string PathOf(string? parentPath, string id) => (parentPath ?? "/") + id + "/";
}
