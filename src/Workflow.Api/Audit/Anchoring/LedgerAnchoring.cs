using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Api.Audit.Verification;
using Workflow.Storage;
using Workflow.Storage.History;
using Workflow.Storage.Providers;

namespace Workflow.Api.Audit.Anchoring;

/// <summary>What one anchoring run did: the checkpoints taken, and the anchors stream's entries that carry them.</summary>
public sealed record AnchoringRun(int Checkpoints, IReadOnlyList<long> Entries);

/// <summary>
/// Takes signed checkpoints of every stream whose head moved since it was last anchored and writes
/// them, a batch per entry, to the anchors stream (<see cref="LedgerStream.Anchors"/>). The entry's
/// outbox row then carries them to the sinks, like any entry to its webhook subscribers. Because the
/// sinks are outside the database, a rewritten suffix of a ledger is caught by the checkpoints they
/// keep even when its head on the campaign row was rewritten with it.
/// </summary>
public sealed class LedgerAnchoring(CampaignDbContext db, SigningKeyRing ring, TimeProvider clock, IOptions<AnchoringOptions> options)
{
    public const string EntryKind = "ledger.anchored";
    public const string Actor = "system:anchoring";

    private AnchoringOptions Options => options.Value;

    /// <summary>Whether the last anchor is at least <see cref="AnchoringOptions.Interval"/> old by the app's clock (or there is none).</summary>
    public async Task<bool> IsDueAsync(CancellationToken cancellationToken)
    {
        if (Options.Interval <= TimeSpan.Zero) return false;
        var last = await db.LedgerAnchors.AsNoTracking().MaxAsync(a => (DateTime?)a.AnchoredAt, cancellationToken);
        return last is null || clock.GetUtcNow().UtcDateTime - last.Value >= Options.Interval;
    }

    /// <summary>
    /// Anchors every stream that moved since its last anchor; a stream that did not move costs no entry. The entries name
    /// <paramref name="actor"/> (the scheduler, or the admin who asked) and the reason given.
    /// </summary>
    public async Task<AnchoringRun> AnchorAsync(CancellationToken cancellationToken, string actor = Actor, string? reason = null)
    {
        var taken = 0;
        var entries = new List<long>();
        var afterCampaign = long.MinValue;
        var streamsDone = false;
        while (true)
        {
            var batch = new List<(Guid Id, long Count, string Head)>();
            if (!streamsDone)
            {
                // The other non-campaign streams (the definitions stream) are few: all of them, in the first batch.
                var streams = await (from s in db.LedgerStreams.AsNoTracking()
                                     where s.Id != LedgerStream.Anchors && s.HistoryCount > 0
                                     join a in db.LedgerAnchors.AsNoTracking() on s.Id equals a.StreamId into anchored
                                     from a in anchored.DefaultIfEmpty()
                                     where a == null || s.HistoryCount > a.Sequence
                                     select new { s.Id, s.HistoryCount, s.HistoryHead }).ToListAsync(cancellationToken);
                batch.AddRange(streams.Select(s => (s.Id, s.HistoryCount, s.HistoryHead)));
                streamsDone = true;
            }
            // Campaigns in key order, a bounded batch at a time (keyset on the row number, no OFFSET).
            var campaigns = await (from c in db.Campaigns.AsNoTracking()
                                   where c.Number > afterCampaign && c.HistoryCount > 0
                                   join a in db.LedgerAnchors.AsNoTracking() on c.Id equals a.StreamId into anchored
                                   from a in anchored.DefaultIfEmpty()
                                   where a == null || c.HistoryCount > a.Sequence
                                   orderby c.Number
                                   select new { c.Number, c.Id, c.HistoryCount, c.HistoryHead })
                .Take(Options.BatchSize).ToListAsync(cancellationToken);
            batch.AddRange(campaigns.Select(c => (c.Id, c.HistoryCount, c.HistoryHead)));
            if (campaigns.Count > 0) afterCampaign = campaigns[^1].Number;
            if (batch.Count == 0) break;
            entries.Add(await WriteAsync(batch, actor, reason, cancellationToken));
            taken += batch.Count;
            if (campaigns.Count < Options.BatchSize) break;
        }
        return new AnchoringRun(taken, entries);
    }

    /// <summary>One anchors-stream entry with the batch's checkpoints, and the marks moved, in one transaction.</summary>
    private async Task<long> WriteAsync(List<(Guid Id, long Count, string Head)> batch, string actor, string? reason, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await strategy.ExecuteAsync(async token =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    var now = clock.GetUtcNow().UtcDateTime;
                    var key = await ring.CurrentAsync(db, token);
                    var checkpoints = batch.Select(s => Checkpoint.Issue(key, s.Id, s.Count, s.Head, now)).ToList();
                    var stream = await db.LedgerStreams.FindAsync([LedgerStream.Anchors], token);
                    if (stream is null)
                    {
                        stream = new LedgerStream { Id = LedgerStream.Anchors, Name = "anchors", HistoryHead = HistoryChain.Genesis };
                        db.LedgerStreams.Add(stream);
                    }
                    else stream.Version += 1;
                    var entry = HistoryWriter.AppendOne(stream, new HistoryEntry
                    {
                        At = now, Kind = EntryKind, Actor = actor, Reason = reason, DefinitionId = "", PreviousHash = "", Hash = "",
                        Payload = JsonSerializer.Serialize(new AnchorPayload(checkpoints), JsonSerializerOptions.Web),
                    });
                    db.History.Add(entry);
                    var ids = batch.Select(s => s.Id).ToList();
                    var marks = await db.LedgerAnchors.Where(a => ids.Contains(a.StreamId)).ToDictionaryAsync(a => a.StreamId, token);
                    foreach (var (id, count, head) in batch)
                    {
                        if (!marks.TryGetValue(id, out var mark)) db.LedgerAnchors.Add(mark = new LedgerAnchor { StreamId = id, HeadHash = head });
                        (mark.Sequence, mark.HeadHash, mark.AnchoredAt, mark.AnchorSequence) = (count, head, now, entry.Sequence);
                    }
                    await db.SaveChangesAsync(token);
                    await transaction.CommitAsync(token);
                    return entry.Sequence;
                }, cancellationToken);
            }
            catch (Exception exception) when (WriteConflicts.IsConflict(exception) && attempt < 8)
            {
                // Another node anchored at the same moment (the job runs once across a cluster, "anchor now" may not): try again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The entry's payload: the checkpoints, each verifiable on its own with the JWKS.</summary>
    public sealed record AnchorPayload(IReadOnlyList<Checkpoint> Checkpoints);
}
