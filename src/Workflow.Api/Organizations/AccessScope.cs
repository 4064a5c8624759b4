using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Organizations;

namespace Workflow.Api.Organizations;

/// <summary>
/// What the caller of this request may see and do in the organization tree. A role granted on a node holds on
/// every node of its subtree, granted to the principal itself or to a group it is a member of; the roles of the
/// caller's API key (ClaimTypes.Role) hold at the root, so above every node. Read once per request, on first
/// use, in one query (the caller's memberships and grants, and the administration stream's length, which says
/// whether the cached tree is still the tree): a grant revoked through any server is gone at the next request.
/// </summary>
public sealed class AccessScope(IHttpContextAccessor accessor, CampaignDbContext db, OrganizationTreeCache trees)
{
    /// <summary>A group the caller is a member of.</summary>
    public sealed record Membership(string GroupId, bool IsLead);

    private sealed record Grant(string Role, string OrganizationId);

    private sealed record Loaded(IReadOnlySet<string> RootRoles, IReadOnlyList<Grant> Grants, IReadOnlyList<Membership> Groups, OrganizationTree Tree);

    private Task<Loaded>? loaded;

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>The caller's principal id (the ledger's actor), or null when the request is not authenticated.</summary>
    public string? Principal => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// Whether the caller holds <paramref name="role"/> on <paramref name="organizationId"/>: granted there or on
    /// a node above it, directly or through a group, or at the root. A null organization asks about the root itself
    /// (the whole tree, and campaigns whose organization is not a node): only the key's roles hold there.
    /// </summary>
    public async Task<bool> HasRoleAsync(string role, string? organizationId, CancellationToken cancellationToken)
    {
        var access = await LoadAsync(cancellationToken);
        if (access.RootRoles.Contains(role)) return true;
        return organizationId is not null && access.Grants.Any(g => g.Role == role && access.Tree.IsWithin(organizationId, g.OrganizationId));
    }

    /// <summary>Whether the caller holds any of <paramref name="roles"/> on the organization (see <see cref="HasRoleAsync"/>).</summary>
    public async Task<bool> HasAnyRoleAsync(IEnumerable<string> roles, string? organizationId, CancellationToken cancellationToken)
    {
        foreach (var role in roles)
            if (await HasRoleAsync(role, organizationId, cancellationToken)) return true;
        return false;
    }

    /// <summary>
    /// The organizations the caller may read: null for everything (any role at the root), otherwise the ids of the
    /// nodes in the subtrees where it holds some role (empty when none). Filter lists with it; a campaign whose
    /// organization is not in the set is, for this caller, not there (404, not 403).
    /// </summary>
    public async Task<IReadOnlySet<string>?> VisibleOrganizationsAsync(CancellationToken cancellationToken)
    {
        var access = await LoadAsync(cancellationToken);
        if (access.RootRoles.Count > 0) return null;
        return access.Grants.SelectMany(g => access.Tree.Subtree(g.OrganizationId)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the caller may read what belongs to <paramref name="organizationId"/> (one campaign, one entry).</summary>
    public async Task<bool> CanSeeAsync(string organizationId, CancellationToken cancellationToken) =>
        await VisibleOrganizationsAsync(cancellationToken) is not { } visible || visible.Contains(organizationId);

    /// <summary>Whether the caller is a member of the group (a task's candidate group, say).</summary>
    public async Task<bool> IsMemberAsync(string groupId, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Groups.Any(g => g.GroupId == groupId);

    /// <summary>Whether the caller is a lead of the group (who may hand the group's tasks on).</summary>
    public async Task<bool> IsLeadAsync(string groupId, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Groups.Any(g => g.GroupId == groupId && g.IsLead);

    /// <summary>The groups the caller is a member of, by id.</summary>
    public async Task<IReadOnlyList<Membership>> GroupsOfAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Groups;

    /// <summary>Whether the caller holds any of the roles somewhere: at the root or on some unit.</summary>
    public async Task<bool> HoldsAnywhereAsync(IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var access = await LoadAsync(cancellationToken);
        return roles.Any(r => access.RootRoles.Contains(r) || access.Grants.Any(g => g.Role == r));
    }

    /// <summary>The tree as this request sees it (read with the caller's grants).</summary>
    internal async Task<OrganizationTree> TreeAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Tree;

    private Task<Loaded> LoadAsync(CancellationToken cancellationToken) => loaded ??= ReadAsync(cancellationToken);

    private async Task<Loaded> ReadAsync(CancellationToken cancellationToken)
    {
        var principal = Principal;
        var rootRoles = User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var rows = principal is null ? [] : await Rows(principal).ToListAsync(cancellationToken);
        var entries = rows.FirstOrDefault(r => r.Type == StreamRow)?.Entries ?? 0;
        var tree = await trees.GetAsync(db, entries, cancellationToken);
        return new Loaded(
            rootRoles,
            rows.Where(r => r.Type == GrantRow).Select(r => new Grant(r.Key, r.Value)).ToList(),
            rows.Where(r => r.Type == MemberRow).Select(r => new Membership(r.Key, r.IsLead)).ToList(),
            tree);
    }

    private const int StreamRow = 0, MemberRow = 1, GrantRow = 2;

    private sealed class Row
    {
        public int Type { get; init; }
        public string Key { get; init; } = "";
        public string Value { get; init; } = "";
        public bool IsLead { get; init; }
        public long Entries { get; init; }
    }

    /// <summary>One round trip: the stream's length, the caller's memberships, and the grants to it or to its groups.</summary>
    private IQueryable<Row> Rows(string principal)
    {
        var stream = db.LedgerStreams.Where(s => s.Id == LedgerStream.Administration)
            .Select(s => new Row { Type = StreamRow, Key = s.Name, Value = s.Name, IsLead = false, Entries = s.HistoryCount });
        var members = db.GroupMembers.Where(m => m.Principal == principal)
            .Select(m => new Row { Type = MemberRow, Key = m.GroupId, Value = m.GroupId, IsLead = m.IsLead, Entries = 0 });
        var grants = db.RoleGrants
            .Where(g => (g.GranteeKind == RoleGrant.ToPrincipal && g.Grantee == principal)
                || (g.GranteeKind == RoleGrant.ToGroup && db.GroupMembers.Any(m => m.GroupId == g.Grantee && m.Principal == principal)))
            .Select(g => new Row { Type = GrantRow, Key = g.Role, Value = g.OrganizationId, IsLead = false, Entries = 0 });
        return stream.Concat(members).Concat(grants);
    }
}
