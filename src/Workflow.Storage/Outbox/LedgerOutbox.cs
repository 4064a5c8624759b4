using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage.History;

namespace Workflow.Storage.Outbox;

/// <summary>
/// Runs inside <see cref="CampaignDbContext"/>'s SaveChanges: for every ledger entry being added it
/// adds one outbox row and the inbox notifications the entry implies, so they commit or roll back
/// with the entry. It reads only the entries in hand (no query), keeping the write path cheap.
/// </summary>
public static class LedgerOutbox
{
    public static void AddFor(CampaignDbContext db)
    {
        var added = db.ChangeTracker.Entries<HistoryEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0) return;
        // A SaveChanges retried without clearing the tracker must not add the rows twice.
        var queued = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added)
            .Select(e => (e.Entity.CampaignId, e.Entity.Sequence)).ToHashSet();
        foreach (var entry in added)
        {
            if (!queued.Add((entry.CampaignId, entry.Sequence))) continue;
            db.Outbox.Add(new OutboxMessage
            {
                CampaignId = entry.CampaignId, Sequence = entry.Sequence, Kind = entry.Kind, Organization = entry.Organization, At = entry.At,
            });
            foreach (var (principal, kind, subject) in Recipients(entry))
                db.Notifications.Add(new Notification
                {
                    Principal = principal, At = entry.At, Kind = kind, CampaignId = entry.CampaignId, Sequence = entry.Sequence,
                    TaskId = entry.TaskId, Subject = subject,
                });
        }
    }

    /// <summary>Who an entry notifies, and as what kind of notification.</summary>
    public static IEnumerable<(string Principal, string Kind, string? Subject)> Recipients(HistoryEntry entry)
    {
        using var payload = JsonDocument.Parse(entry.Payload);
        var root = payload.RootElement;
        if (root.ValueKind != JsonValueKind.Object) yield break;
        var inner = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var kind = NotificationKind(entry.Kind);
        var subject = Text(inner, "subject") ?? Text(root, "subject");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var direct = entry.Kind switch
        {
            "task.activated" => Text(inner, "assignee"),
            "task.reassigned" => Text(inner, "to"),
            _ => null,
        };
        if (direct is not null && seen.Add(direct)) yield return (direct, kind, subject);
        foreach (var holder in new[] { inner, root })
        {
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("recipients", out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in list.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 and <= 200 } principal && seen.Add(principal))
                    yield return (principal, kind, subject);
        }
    }

    /// <summary>The inbox's kind for a ledger kind.</summary>
    public static string NotificationKind(string ledgerKind) => ledgerKind switch
    {
        "task.activated" or "task.reassigned" => "assignment",
        "task.reminded" => "reminder",
        "task.escalated" => "escalation",
        "task.timed_out" => "timeout",
        "phase.deadline_passed" => "deadline",
        _ => "notification",
    };

    private static string? Text(JsonElement holder, string name) =>
        holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? (text.Length > 500 ? text[..500] : text) : null;
}
