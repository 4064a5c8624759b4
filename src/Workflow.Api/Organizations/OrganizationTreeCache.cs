using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Organizations;

/// <summary>
/// The last tree read, kept with the administration stream's length at that time. Every change to the tree is an
/// entry of that stream, so a request that finds the stream longer than the cached length reads the tree again:
/// a change made through any server counts at the next request, and the database stays the only truth.
/// </summary>
public sealed class OrganizationTreeCache
{
    private sealed record Snapshot(long Entries, OrganizationTree Tree);

    private volatile Snapshot? cached;

    /// <summary>The tree as of a stream of <paramref name="administrationEntries"/> entries (or later).</summary>
    public async Task<OrganizationTree> GetAsync(CampaignDbContext db, long administrationEntries, CancellationToken cancellationToken)
    {
        if (cached is { } hit && hit.Entries == administrationEntries) return hit.Tree;
        var nodes = await db.OrganizationNodes.AsNoTracking()
            .Select(n => new OrganizationTree.Node(n.Id, n.ParentId, n.Path)).ToListAsync(cancellationToken);
        var tree = new OrganizationTree(nodes);
        cached = new Snapshot(administrationEntries, tree);
        return tree;
    }
}
