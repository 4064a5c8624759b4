using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Outbox;
using Workflow.Storage.Tasks;
using Workflow.Storage.Timers;

namespace Workflow.Benchmarks.WritePath;

/// <summary>
/// A hand-written EF Core twin of one task completion: the same rows as the API writes, with nothing else. It loads the
/// campaign and the task's row, updates both (the campaign under its version check), removes the task's timers, and
/// inserts copies of the ledger entries, work items, timers, outbox rows and notifications that a real completion of the
/// same task wrote (captured once from a probe campaign), hash-chained as the ledger is. No HTTP, no authentication,
/// no engine, no JSON of its own: what the database and EF cost, which the durable path is measured against.
/// </summary>
internal sealed class EfTwin(IServiceProvider services, EfTwin.Shape draft, EfTwin.Shape review)
{
    /// <summary>What one completion of a task wrote, and the snapshot it left.</summary>
    internal sealed record Shape(string StateJson, IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<WorkItem> WorkItems,
        IReadOnlyList<TimerRow> Timers, IReadOnlyList<OutboxMessage> Outbox, IReadOnlyList<Notification> Notifications)
    {
        public int Rows => Entries.Count + WorkItems.Count + Timers.Count + Outbox.Count + Notifications.Count;
    }

    /// <summary>Captures what completing <paramref name="taskId"/> of <paramref name="campaignId"/> writes, by running it.</summary>
    public static async Task<Shape> CaptureAsync(IServiceProvider services, Guid campaignId, Func<Task> complete)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var before = await Marks.ReadAsync(db, campaignId);
        await complete();
        db.ChangeTracker.Clear();
        var row = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId);
        return new Shape(row.StateJson,
            await db.History.AsNoTracking().Where(h => h.CampaignId == campaignId && h.Sequence > before.Sequence).OrderBy(h => h.Sequence).ToListAsync(),
            await db.WorkItems.AsNoTracking().Where(w => w.CampaignId == campaignId && w.Id > before.WorkItem).ToListAsync(),
            await db.Timers.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Id > before.Timer).ToListAsync(),
            await db.Outbox.AsNoTracking().Where(o => o.CampaignId == campaignId && o.Id > before.Outbox).ToListAsync(),
            await db.Notifications.AsNoTracking().Where(n => n.CampaignId == campaignId && n.Id > before.Notification).ToListAsync());
    }

    /// <summary>One loop, as the API's: the draft completed, then its review, leaving studySummary:{loop + 1} open.</summary>
    public async Task LoopAsync(Guid campaignId, int loop)
    {
        await CompleteAsync(campaignId, $"studySummary:{loop}", draft, loop);
        await CompleteAsync(campaignId, $"summaryApproval:{loop}", review, loop);
    }

    private async Task CompleteAsync(Guid campaignId, string taskId, Shape shape, int loop)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var now = DateTime.UtcNow;
        var row = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var item = await db.WorkItems.SingleAsync(w => w.CampaignId == campaignId && w.TaskId == taskId && w.Status == "active");
        var timers = await db.Timers.Where(t => t.CampaignId == campaignId && t.TaskId == taskId).ToListAsync();
        row.StateJson = shape.StateJson;
        row.Version += 1;
        row.UpdatedAt = now;
        item.Status = "completed";
        item.EndedAt = now;
        item.CompletedBy = "bench.admin";
        item.ResultJson = """{"documents":[{"uri":"https://docs.example/study-summary.pdf"}]}""";
        db.Timers.RemoveRange(timers);
        // The outbox and notifications point at their ledger entry by sequence: the probe's sequences map to this chain's.
        var sequences = new Dictionary<long, long>();
        foreach (var captured in shape.Entries)
        {
            var entry = Copy(captured);
            entry.Id = 0;
            entry.CampaignId = campaignId;
            entry.At = now;
            entry.Sequence = ++row.HistoryCount;
            sequences[captured.Sequence] = entry.Sequence;
            entry.PreviousHash = row.HistoryHead;
            entry.Hash = HistoryChain.Hash(entry);
            row.HistoryHead = entry.Hash;
            db.History.Add(entry);
        }
        foreach (var captured in shape.WorkItems)
            db.WorkItems.Add(Copy(captured, w => { w.Id = 0; w.CampaignId = campaignId; w.TaskId = Iteration(w.TaskId, loop); w.ActivatedAt = now; }));
        foreach (var captured in shape.Timers)
            db.Timers.Add(Copy(captured, t => { t.Id = 0; t.CampaignId = campaignId; t.TaskId = Iteration(t.TaskId, loop); t.CreatedAt = now; }));
        foreach (var captured in shape.Outbox)
            db.Outbox.Add(Copy(captured, o => { o.Id = 0; o.CampaignId = campaignId; o.Sequence = sequences[o.Sequence]; o.At = now; }));
        foreach (var captured in shape.Notifications)
            db.Notifications.Add(Copy(captured, n => { n.Id = 0; n.CampaignId = campaignId; n.Sequence = sequences.GetValueOrDefault(n.Sequence, row.HistoryCount); n.At = now; }));
        await db.SaveChangesAsync();
    }

    /// <summary>The probe ran loop 1: its ":1" tasks are this loop's, its ":2" the next loop's.</summary>
    private static string Iteration(string taskId, int loop) =>
        taskId.EndsWith(":2", StringComparison.Ordinal) ? $"{taskId[..^2]}:{loop + 1}" : $"{taskId[..^2]}:{loop}";

    private static T Copy<T>(T source, Action<T>? change = null) where T : class
    {
        var copy = (T)typeof(T).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .Invoke(source, null)!;
        change?.Invoke(copy);
        return copy;
    }

    private sealed record Marks(long Sequence, long WorkItem, long Timer, long Outbox, long Notification)
    {
        public static async Task<Marks> ReadAsync(CampaignDbContext db, Guid campaignId) => new(
            await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.HistoryCount).SingleAsync(),
            await db.WorkItems.MaxAsync(w => (long?)w.Id) ?? 0,
            await db.Timers.MaxAsync(t => (long?)t.Id) ?? 0,
            await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0,
            await db.Notifications.MaxAsync(n => (long?)n.Id) ?? 0);
    }
}
