using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Incidents;
using Workflow.Engine.Serialization;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Incidents;

/// <summary>
/// A campaign's incidents, open and resolved, folded from its incident.* ledger entries: the snapshot keeps only the open
/// ones, so the ledger is where a resolved incident's story (who retried or skipped it, and why) is read.
/// </summary>
internal static class IncidentHistory
{
    public static readonly string[] Kinds =
        ["incident.opened", "incident.retried", "incident.retry_failed", "incident.resolved", "incident.skipped", "incident.withdrawn"];

    /// <summary>Every incident of the campaign, by number.</summary>
    public static async Task<List<IncidentView>> ReadAsync(CampaignDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        var entries = await db.History.AsNoTracking().Where(h => h.CampaignId == campaignId && Kinds.Contains(h.Kind))
            .OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        var incidents = new Dictionary<string, IncidentView>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var e = JsonSerializer.Deserialize<CampaignEvent>(entry.Payload, EngineJson.Options);
            if (e is IncidentOpened { Incident: var opened })
            {
                incidents[opened.Id] = new IncidentView(opened.Id, opened.PhaseId, opened.Round, opened.ActivityId, opened.Iteration, "open", null,
                    opened.Code, opened.Message, opened.Attempts, entry.At, null, null, null, [Action(entry)]);
                continue;
            }
            if (Id(e) is not { } id || !incidents.TryGetValue(id, out var view)) continue;
            view = view with { Actions = [.. view.Actions, Action(entry)] };
            incidents[id] = e switch
            {
                IncidentRetried r => view with { Attempts = r.Attempt },
                IncidentRetryFailed f => view with { Code = f.Code, Message = f.Message },
                IncidentResolved => Resolved(view, "retried", entry, null),
                IncidentSkipped s => Resolved(view, "skipped", entry, s.Port),
                IncidentWithdrawn => Resolved(view, "withdrawn", entry, null),
                _ => view,
            };
        }
        return [.. incidents.Values.OrderBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture))];
    }

    private static string? Id(CampaignEvent? e) => e switch
    {
        IncidentRetried r => r.IncidentId,
        IncidentRetryFailed f => f.IncidentId,
        IncidentResolved r => r.IncidentId,
        IncidentSkipped s => s.IncidentId,
        IncidentWithdrawn w => w.IncidentId,
        _ => null,
    };

    private static IncidentView Resolved(IncidentView view, string how, HistoryEntry entry, string? outcome) =>
        view with { Status = "resolved", Resolution = how, ResolvedAt = entry.At, ResolvedBy = entry.Actor, Outcome = outcome };

    private static IncidentActionView Action(HistoryEntry entry) => new(entry.Sequence, entry.Kind, entry.At, entry.Actor, entry.OnBehalfOf, entry.Reason);
}
