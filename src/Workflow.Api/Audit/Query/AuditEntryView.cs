using System.Text.Json;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Query;

/// <summary>A ledger entry with every column, the payload and evidence as JSON.</summary>
public sealed record AuditEntryView(
    long Id, Guid CampaignId, long Sequence, DateTime At, string Kind, string Actor, string? OnBehalfOf, string? Reason,
    string? IdempotencyKey, string? CorrelationId, string? Organization, string? BeforeState, string? AfterState, JsonElement? Evidence,
    string DefinitionId, int DefinitionVersion, string? PhaseId, string? TaskId, JsonElement Payload, string PreviousHash, string Hash)
{
    public static AuditEntryView Of(HistoryEntry h) => new(
        h.Id, h.CampaignId, h.Sequence, h.At, h.Kind, h.Actor, h.OnBehalfOf, h.Reason, h.IdempotencyKey, h.CorrelationId,
        h.Organization, h.BeforeState, h.AfterState, h.Evidence is null ? null : Json(h.Evidence),
        h.DefinitionId, h.DefinitionVersion, h.PhaseId, h.TaskId, Json(h.Payload), h.PreviousHash, h.Hash);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
