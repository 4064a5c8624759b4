namespace Workflow.Storage.History;

/// <summary>
/// A ledger stream that is not a campaign: definition changes are chained in a stream of their
/// own, whose head is kept here, as a campaign's head is kept on its row.
/// </summary>
public sealed class LedgerStream : IHistoryHead
{
    /// <summary>The stream of definition drafts, publications and retractions.</summary>
    public static readonly Guid Definitions = new("00000000-0000-0000-0000-0000000000d1");

    public Guid Id { get; set; }
    public required string Name { get; set; }
    public long HistoryCount { get; set; }
    public required string HistoryHead { get; set; }
    public long Version { get; set; }
}
