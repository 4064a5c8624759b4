using Workflow.Storage.History;

namespace Workflow.Api.Audit.Verification;

/// <summary>What is wrong with a ledger, at which entry.</summary>
public sealed record ChainProblem(long Sequence, string Code, string Message);

/// <summary>Stable codes of the problems a verification reports.</summary>
public static class ChainProblemCodes
{
    public const string EntryMissing = "entry.missing";
    public const string EntryUnexpected = "entry.unexpected";
    public const string EntryAltered = "entry.altered";
    public const string LinkBroken = "entry.link_broken";
    public const string NewestMissing = "entries.newest_missing";
    public const string HeadMismatch = "head.mismatch";
    public const string CheckpointSignatureInvalid = "checkpoint.signature_invalid";
    public const string CheckpointOtherLedger = "checkpoint.other_ledger";
    public const string CheckpointEntryMissing = "checkpoint.entry_missing";
    public const string CheckpointHashMismatch = "checkpoint.hash_mismatch";
    public const string SnapshotMismatch = "snapshot.mismatch";
}

/// <summary>
/// The chain rules, fed one entry at a time in sequence order (constant memory): sequences 1..N
/// without gaps, each previous hash the hash before it (64 zeros for the first), each hash the
/// SHA-256 of the entry's canonical content; then the stream's head must be the last entry.
/// </summary>
public sealed class ChainCheck
{
    public long Checked { get; private set; }

    public string LastHash { get; private set; } = HistoryChain.Genesis;

    /// <summary>The first problem, or null while the entries so far are whole.</summary>
    public ChainProblem? Next(HistoryEntry entry)
    {
        var expected = Checked + 1;
        if (entry.Sequence > expected)
            return new(expected, ChainProblemCodes.EntryMissing, $"entry {expected} is missing (the next entry stored is {entry.Sequence})");
        if (entry.Sequence < expected)
            return new(entry.Sequence, ChainProblemCodes.EntryUnexpected, $"entry {entry.Sequence} appears again after entry {Checked}");
        var computed = HistoryChain.Hash(entry);
        if (!string.Equals(computed, entry.Hash, StringComparison.Ordinal))
            return new(entry.Sequence, ChainProblemCodes.EntryAltered, $"entry {entry.Sequence} was altered: stored hash {entry.Hash}, computed {computed}");
        if (!string.Equals(entry.PreviousHash, LastHash, StringComparison.Ordinal))
            return new(entry.Sequence, ChainProblemCodes.LinkBroken,
                expected == 1
                    ? $"entry 1 does not start the chain: its previous hash is {entry.PreviousHash}, not {HistoryChain.Genesis}"
                    : $"entry {entry.Sequence} does not follow entry {Checked}: its previous hash is {entry.PreviousHash}, entry {Checked}'s hash is {LastHash}");
        Checked = entry.Sequence;
        LastHash = entry.Hash;
        return null;
    }

    /// <summary>After the last entry: the head kept on the campaign (or stream) row must be it.</summary>
    public ChainProblem? End(long headCount, string headHash)
    {
        if (headCount > Checked)
            return new(Checked + 1, ChainProblemCodes.NewestMissing,
                $"the newest entries after {Checked} are missing (the campaign's head says {headCount} entries, ending in {headHash})");
        if (headCount < Checked || !string.Equals(headHash, LastHash, StringComparison.Ordinal))
            return new(Checked, ChainProblemCodes.HeadMismatch,
                $"the campaign's head ({headCount} entries, {headHash}) is not the last entry ({Checked}, {LastHash})");
        return null;
    }
}
