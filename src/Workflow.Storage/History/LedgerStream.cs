namespace Workflow.Storage.History;

/// <summary>
/// A ledger stream that is not a campaign: definition changes, and anchors, are chained in streams of
/// their own, whose heads are kept here, as a campaign's head is kept on its row.
/// </summary>
public sealed class LedgerStream : IHistoryHead
{
    /// <summary>The stream of definition drafts, publications and retractions.</summary>
    public static readonly Guid Definitions = new("00000000-0000-0000-0000-0000000000d1");

    /// <summary>The stream of anchors: signed checkpoints of every other stream, taken on a schedule and sent to external sinks.</summary>
    public static readonly Guid Anchors = new("00000000-0000-0000-0000-0000000000a1");

    /// <summary>The stream of administration: the organization tree, groups, memberships and role grants.</summary>
    public static readonly Guid Administration = new("00000000-0000-0000-0000-0000000000ad");

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public long HistoryCount { get; set; }
    public required string HistoryHead { get; set; }
    public long Version { get; set; }
}
