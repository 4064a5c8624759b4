using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Paging;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.History;

/// <summary>A campaign's ledger, keyset-paged by sequence (the feed across campaigns is FeedEndpoints).</summary>
public static class HistoryEndpoints
{
    public sealed record LedgerEntryView(
        long Id, Guid CampaignId, long Sequence, DateTime At, string Kind, string Actor, string? OnBehalfOf, string? Reason,
        string? IdempotencyKey, string? CorrelationId, string DefinitionId, int DefinitionVersion, string? PhaseId, string? TaskId,
        JsonElement Payload, string PreviousHash, string Hash);

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/campaigns/{id:guid}/history", CampaignHistory).WithTags("History")
            .WithSummary("The campaign's ledger entries in order (after = the last sequence seen)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<Page<LedgerEntryView>>, ProblemHttpResult>> CampaignHistory(
        Guid id, long? after, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken)) return CampaignProblems.NotFound(context, id);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        if (after is < 0) return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "after"), ("value", after.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var take = Cursor.Limit(limit);
        var from = after ?? 0;
        var rows = await db.History.AsNoTracking().Where(h => h.CampaignId == id && h.Sequence > from)
            .OrderBy(h => h.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? rows[take - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<LedgerEntryView>(rows.Take(take).Select(View).ToList(), next));
    }

    internal static LedgerEntryView View(HistoryEntry h)
    {
        using var payload = JsonDocument.Parse(h.Payload);
        return new LedgerEntryView(h.Id, h.CampaignId, h.Sequence, h.At, h.Kind, h.Actor, h.OnBehalfOf, h.Reason, h.IdempotencyKey, h.CorrelationId,
            h.DefinitionId, h.DefinitionVersion, h.PhaseId, h.TaskId, payload.RootElement.Clone(), h.PreviousHash, h.Hash);
    }
}
