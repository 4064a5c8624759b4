using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Verification;

/// <summary>The outcome of a verification, as the API answers it.</summary>
public sealed record VerificationResult(
    bool Intact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Entries,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HeadHash,
    DateTime CheckedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstBadSequence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VerificationProblem? Problem,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EntriesChecked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CheckpointCheck? Checkpoint);

public sealed record VerificationProblem(string Code, string Message);

/// <summary>What a checkpoint's check found: whether its signature is the server's and the ledger still holds its entry.</summary>
public sealed record CheckpointCheck(long Sequence, string HeadHash, string IssuedAt, string KeyId, bool SignatureValid, bool Contained);

/// <summary>Recomputes a ledger stream's chain from the database, and checks checkpoints against it.</summary>
public sealed class LedgerVerification(CampaignDbContext db, SigningKeyRing ring, TimeProvider clock)
{
    /// <summary>The head of a campaign or of a non-campaign stream; null when there is no such ledger.</summary>
    public async Task<(long Count, string Head)?> HeadAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.HistoryCount, c.HistoryHead }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is not null) return (campaign.HistoryCount, campaign.HistoryHead);
        var stream = await db.LedgerStreams.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.HistoryCount, s.HistoryHead }).SingleOrDefaultAsync(cancellationToken);
        if (stream is not null) return (stream.HistoryCount, stream.HistoryHead);
        return id == LedgerStream.Definitions || id == LedgerStream.Administration ? (0, HistoryChain.Genesis) : null;
    }

    /// <summary>
    /// Streams the entries up to the head read first (entries appended meanwhile are left for the
    /// next verification) and checks every rule; with a checkpoint, also that the ledger still has
    /// the checkpoint's entry with the checkpoint's hash.
    /// </summary>
    public async Task<VerificationResult?> VerifyAsync(Guid id, Checkpoint? checkpoint, CancellationToken cancellationToken)
    {
        // A campaign's head and snapshot are read in one row, so the snapshot is the one the head's entries wrote.
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.HistoryCount, c.HistoryHead, c.StateJson }).SingleOrDefaultAsync(cancellationToken);
        var replay = campaign is null ? null : new SnapshotReplay();
        (long Count, string Head)? found = campaign is not null ? (campaign.HistoryCount, campaign.HistoryHead) : await HeadAsync(id, cancellationToken);
        if (found is not { } head) return null;
        var check = new ChainCheck();
        string? checkpointEntryHash = null;
        ChainProblem? problem = null;
        var entries = db.History.AsNoTracking().Where(h => h.CampaignId == id && h.Sequence <= head.Count)
            .OrderBy(h => h.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (checkpoint is not null && entry.Sequence == checkpoint.Sequence) checkpointEntryHash = entry.Hash;
            problem = check.Next(entry);
            if (problem is not null) break;
            replay?.Next(entry);
        }
        problem ??= check.End(head.Count, head.Head);

        CheckpointCheck? checkpointCheck = null;
        if (checkpoint is not null)
        {
            // The key by the checkpoint's kid: current or retired, signed on this server or another.
            var key = await ring.FindAsync(db, checkpoint.KeyId, cancellationToken);
            var signatureValid = key is not null && checkpoint.SignatureValid(key);
            if (checkpointEntryHash is null && problem is not null && checkpoint.Sequence > 0)
                // The walk stopped before the checkpoint's entry: look it up directly.
                checkpointEntryHash = await db.History.AsNoTracking().Where(h => h.CampaignId == id && h.Sequence == checkpoint.Sequence)
                    .Select(h => h.Hash).SingleOrDefaultAsync(cancellationToken);
            var contained = checkpoint.Sequence == 0
                ? checkpoint.HeadHash == HistoryChain.Genesis
                : string.Equals(checkpointEntryHash, checkpoint.HeadHash, StringComparison.Ordinal);
            checkpointCheck = new CheckpointCheck(checkpoint.Sequence, checkpoint.HeadHash, checkpoint.IssuedAt, checkpoint.KeyId, signatureValid, contained);
            // A broken chain is reported first; the checkpoint then tells what the chain alone cannot.
            if (problem is null)
            {
                if (!signatureValid)
                    problem = new(checkpoint.Sequence, ChainProblemCodes.CheckpointSignatureInvalid,
                        key is not null
                            ? "the checkpoint's signature is not valid: it was not issued by this server as it stands"
                            : $"the checkpoint names key {checkpoint.KeyId}, which is not in the server's signing key ring");
                else if (checkpoint.CampaignId != id)
                    problem = new(checkpoint.Sequence, ChainProblemCodes.CheckpointOtherLedger, $"the checkpoint is for {checkpoint.CampaignId}, not {id}");
                else if (checkpointEntryHash is null && checkpoint.Sequence > 0)
                    problem = new(check.Checked + 1, ChainProblemCodes.CheckpointEntryMissing,
                        $"the newest entries after {check.Checked} are missing: the checkpoint issued at {checkpoint.IssuedAt} signed entry {checkpoint.Sequence} with hash {checkpoint.HeadHash}");
                else if (!contained)
                    problem = new(checkpoint.Sequence, ChainProblemCodes.CheckpointHashMismatch,
                        $"entry {checkpoint.Sequence} has hash {checkpointEntryHash}, but the checkpoint issued at {checkpoint.IssuedAt} signed {checkpoint.HeadHash}");
            }
        }

        // Last, against a whole chain and a checkpoint that holds: a broken one is reported where it breaks, and a checkpoint
        // says more exactly than the snapshot which entries are gone.
        if (problem is null && replay is not null) problem = replay.End(head.Count, campaign!.StateJson);

        var now = clock.GetUtcNow().UtcDateTime;
        return problem is null
            ? new VerificationResult(true, check.Checked, check.LastHash, now, null, null, null, checkpointCheck)
            : new VerificationResult(false, null, null, now, problem.Sequence, new VerificationProblem(problem.Code, problem.Message), check.Checked, checkpointCheck);
    }

    /// <summary>A signed checkpoint of the ledger's current head; null when there is no such ledger.</summary>
    public async Task<Checkpoint?> CheckpointAsync(Guid id, CancellationToken cancellationToken) =>
        await HeadAsync(id, cancellationToken) is { } head
            ? Checkpoint.Issue(await ring.CurrentAsync(db, cancellationToken), id, head.Count, head.Head, clock.GetUtcNow().UtcDateTime)
            : null;
}
