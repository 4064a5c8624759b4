using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Campaigns;

namespace Workflow.Api.Dashboard;

/// <summary>The dashboard's latest events: the newest ledger entries of the campaigns in scope, keyset-paged by id.</summary>
public static class LatestEvents
{
    /// <summary>How many entries one read returns.</summary>
    public const int Limit = 20;

    /// <param name="Id">The entry's global id (newest is highest): pass the last one shown as eventsBefore for the ones before it.</param>
    /// <param name="CampaignId">The campaign the entry belongs to.</param>
    /// <param name="CampaignName">The campaign's name.</param>
    /// <param name="Organization">The campaign's organization.</param>
    /// <param name="At">When it was written (UTC).</param>
    /// <param name="Kind">The ledger kind (task.completed, phase.transitioned, …).</param>
    /// <param name="KindDisplayName">The kind in the request's language.</param>
    /// <param name="Actor">Who did it.</param>
    /// <param name="PhaseId">The phase it happened in, if any.</param>
    /// <param name="TaskId">The task instance it concerns, if any.</param>
    public sealed record LatestEvent(
        long Id, Guid CampaignId, string CampaignName, string Organization, DateTime At, string Kind, string KindDisplayName, string Actor,
        string? PhaseId, string? TaskId);

    /// <param name="Items">At most <see cref="Limit"/> entries, newest first.</param>
    /// <param name="NextBefore">The eventsBefore that reads the older ones; null when there are none.</param>
    public sealed record LatestEventsSection(IReadOnlyList<LatestEvent> Items, long? NextBefore);

    internal static async Task<LatestEventsSection> ReadAsync(
        IQueryable<CampaignRow> campaigns, CampaignDbContext db, long? before, bool chinese, CancellationToken cancellationToken)
    {
        var history = db.History.AsNoTracking();
        if (before is { } b) history = history.Where(h => h.Id < b);
        // Joined with the campaigns in scope: the definitions stream and the anchors have no campaign row and are left out.
        var rows = await (from h in history
                          join c in campaigns on h.CampaignId equals c.Id
                          orderby h.Id descending
                          select new { h.Id, h.CampaignId, c.Name, c.Organization, h.At, h.Kind, h.Actor, h.PhaseId, h.TaskId })
            .Take(Limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(Limit)
            .Select(r => new LatestEvent(r.Id, r.CampaignId, r.Name, r.Organization, r.At, r.Kind, LedgerKindNames.Of(r.Kind, chinese), r.Actor, r.PhaseId, r.TaskId))
            .ToList();
        return new LatestEventsSection(items, rows.Count > Limit ? items[^1].Id : null);
    }
}
