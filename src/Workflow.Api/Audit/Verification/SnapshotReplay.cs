using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// The campaign's snapshot is a cache of its ledger: this folds the entries' events as the engine did and compares the
/// result with the stored snapshot, so a snapshot edited in the database (or a ledger cut short with its head reset) is
/// reported even where the chain alone is whole.
/// </summary>
internal sealed class SnapshotReplay
{
    private CampaignInstance? _state;
    private ChainProblem? _problem;

    public void Next(HistoryEntry entry)
    {
        if (_problem is not null) return;
        try
        {
            var e = JsonSerializer.Deserialize<CampaignEvent>(entry.Payload, EngineJson.Options)
                    ?? throw new JsonException("the payload is null");
            _state = CampaignEvolver.Apply(_state, e);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            _problem = new(entry.Sequence, ChainProblemCodes.SnapshotMismatch, $"entry {entry.Sequence} cannot be replayed: {exception.Message}");
        }
    }

    /// <summary>Null when the stored snapshot is the state the entries replay to.</summary>
    public ChainProblem? End(long entries, string storedJson)
    {
        if (_problem is not null) return _problem;
        if (_state is null) return null;
        CampaignInstance? stored;
        try
        {
            stored = JsonSerializer.Deserialize<CampaignInstance>(storedJson, EngineJson.Options);
        }
        catch (JsonException exception)
        {
            return new(entries, ChainProblemCodes.SnapshotMismatch, $"the stored snapshot cannot be read: {exception.Message}");
        }
        using var replayed = JsonDocument.Parse(Normalized(_state));
        using var kept = JsonDocument.Parse(stored is null ? "{}" : Normalized(stored));
        var differing = replayed.RootElement.EnumerateObject()
            .Where(p => !kept.RootElement.TryGetProperty(p.Name, out var value) || value.GetRawText() != p.Value.GetRawText())
            .Select(p => p.Name).ToList();
        return differing.Count == 0
            ? null
            : new(entries, ChainProblemCodes.SnapshotMismatch,
                $"the stored snapshot is not the state its {entries} entries replay to: {string.Join(", ", differing)} differ");
    }

    /// <summary>A snapshot written before superseded task instances were let go of still holds them: compared without them.</summary>
    private static string Normalized(CampaignInstance state) =>
        JsonSerializer.Serialize(state.Workflow is { } workflow ? state with { Workflow = WorkflowEvolver.Compact(workflow) } : state, EngineJson.Options);
}
