namespace Workflow.Storage.History;

/// <summary>Where a ledger stream keeps its head: a campaign row, or a stream row for non-campaign ledgers (definitions).</summary>
public interface IHistoryHead
{
    Guid Id { get; }

    /// <summary>The sequence of the newest entry (0 when there is none).</summary>
    long HistoryCount { get; set; }

    /// <summary>The hash of the newest entry.</summary>
    string HistoryHead { get; set; }
}
