using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Serialization;
using Workflow.Storage.Campaigns;

namespace Workflow.Storage.History;

/// <summary>
/// Turns engine events (and definition changes) into ledger entries: numbered on from the
/// stream's last sequence, chained on from its head hash, and the head moved forward on the
/// campaign row or stream row, so all of it is written in the command's own transaction.
/// </summary>
public static class HistoryWriter
{
    public static IReadOnlyList<HistoryEntry> Append(CampaignRow campaign, CompiledTemplate template, IEnumerable<CampaignEvent> events, EntryContext context)
    {
        var entries = new List<HistoryEntry>();
        foreach (var e in events)
        {
            var description = EntryDescription.Of(e);
            var workflow = description.Phase is not null ? template.FindPhase(description.Phase)?.Workflow.Identity : null;
            entries.Add(Chain(campaign, new HistoryEntry
            {
                At = context.At,
                Kind = description.Kind,
                Actor = context.Actor,
                OnBehalfOf = context.OnBehalfOf,
                Reason = description.Reason,
                IdempotencyKey = context.IdempotencyKey,
                CorrelationId = context.CorrelationId,
                Organization = campaign.Organization,
                BeforeState = description.Before,
                AfterState = description.After,
                Evidence = description.Evidence,
                DefinitionId = workflow?.DefinitionId ?? template.Identity.DefinitionId,
                DefinitionVersion = workflow?.Version ?? template.Identity.Version,
                PhaseId = description.Phase,
                TaskId = description.Task,
                Payload = JsonSerializer.Serialize(e, EngineJson.Options),
                PreviousHash = "",
                Hash = "",
            }));
        }
        return entries;
    }

    /// <summary>One entry in a non-campaign stream, such as a definition published or retracted.</summary>
    public static HistoryEntry AppendOne(IHistoryHead stream, HistoryEntry entry) => Chain(stream, entry);

    private static HistoryEntry Chain(IHistoryHead stream, HistoryEntry entry)
    {
        entry.CampaignId = stream.Id;
        entry.Sequence = stream.HistoryCount + 1;
        entry.PreviousHash = stream.HistoryHead;
        entry.Hash = HistoryChain.Hash(entry);
        stream.HistoryCount = entry.Sequence;
        stream.HistoryHead = entry.Hash;
        return entry;
    }
}
