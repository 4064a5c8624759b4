using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Api.Paging;
using Workflow.Engine.Definitions;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Definitions;

/// <summary>
/// /api/v1/audit/definitions/{kind}/{definitionId}: for auditors (and admins), who changed a
/// definition when (its entries in the definitions ledger stream), and the structural difference
/// between two of its published versions.
/// </summary>
public static class DefinitionAuditEndpoints
{
    /// <summary>One definition ledger entry: who, when, what, which version, and the chain.</summary>
    public sealed record DefinitionEntryView(
        long Sequence, DateTime At, string Kind, string Actor, string? OnBehalfOf, string? Reason, string? IdempotencyKey, string? CorrelationId,
        string DefinitionId, int DefinitionVersion, string? BeforeState, string? AfterState, JsonElement Payload, string PreviousHash, string Hash);

    /// <summary>The structural difference between two published versions; layout-only changes (designer positions) apart.</summary>
    public sealed record DiffView(
        string Kind, string DefinitionId, int From, int To, string FromContentHash, string ToContentHash,
        IReadOnlyList<DefinitionChange> Changes, IReadOnlyList<DefinitionChange> Layout);

    public static IEndpointRouteBuilder MapDefinitionAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit/definitions/{kind}/{definitionId}").WithTags("Audit").RequireAuthorization(Roles.Auditors);
        group.MapGet("/history", History)
            .WithSummary("Who changed the definition when: its drafts, publications, retractions and imports, in ledger order (after = the last sequence seen)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/diff", Diff)
            .WithSummary("The structural difference between two published versions (from, to): activities, connections, inputs, variables; phases, gates, outputs")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<Page<DefinitionEntryView>>, ProblemHttpResult>> History(
        string kind, string definitionId, long? after, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (KindOf(kind) is not { } k) return KindInvalid(context, kind);
        if (after < 0) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        var take = Cursor.Limit(limit);
        var from = after ?? 0;
        var prefix = DefinitionLedger.PayloadPrefix(k);
        var rows = await db.History.AsNoTracking()
            .Where(h => h.CampaignId == LedgerStream.Definitions && h.DefinitionId == definitionId && h.Sequence > from && h.Payload.StartsWith(prefix))
            .OrderBy(h => h.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? rows[take - 1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<DefinitionEntryView>(rows.Take(take).Select(View).ToList(), next));
    }

    private static async Task<Results<Ok<DiffView>, ProblemHttpResult>> Diff(
        string kind, string definitionId, int? from, int? to, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (KindOf(kind) is not { } k) return KindInvalid(context, kind);
        if (from is null) return ApiProblem.Create(context, 400, ProblemCodes.ParameterRequired, ("parameter", "from"));
        if (to is null) return ApiProblem.Create(context, 400, ProblemCodes.ParameterRequired, ("parameter", "to"));
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == k && d.DefinitionId == definitionId && (d.Version == from || d.Version == to))
            .ToListAsync(cancellationToken);
        var older = rows.FirstOrDefault(r => r.Version == from);
        if (older is null) return DefinitionEndpoints.NotFound(context, k, definitionId, from.Value);
        var newer = rows.FirstOrDefault(r => r.Version == to);
        if (newer is null) return DefinitionEndpoints.NotFound(context, k, definitionId, to.Value);

        var a = DefinitionParser.Parse(older.Json);
        var b = DefinitionParser.Parse(newer.Json);
        var diff = (a, b) switch
        {
            ({ Workflow: { } x }, { Workflow: { } y }) => DefinitionDiff.Of(x, y),
            ({ Template: { } x }, { Template: { } y }) => DefinitionDiff.Of(x, y),
            _ => throw new InvalidOperationException($"Published {k} {definitionId} v{from} or v{to} does not parse."),
        };
        return TypedResults.Ok(new DiffView(k, definitionId, older.Version, newer.Version, older.ContentHash, newer.ContentHash, diff.Changes, diff.Layout));
    }

    /// <summary>"workflow" or "template" (the plural, as in the definitions' own URLs, is accepted too).</summary>
    private static string? KindOf(string kind) => kind switch
    {
        DefinitionKinds.Workflow or "workflows" => DefinitionKinds.Workflow,
        DefinitionKinds.Template or "templates" => DefinitionKinds.Template,
        _ => null,
    };

    private static ProblemHttpResult KindInvalid(HttpContext context, string kind) =>
        ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "kind"), ("value", kind));

    internal static DefinitionEntryView View(HistoryEntry h)
    {
        using var payload = JsonDocument.Parse(h.Payload);
        return new DefinitionEntryView(h.Sequence, h.At, h.Kind, h.Actor, h.OnBehalfOf, h.Reason, h.IdempotencyKey, h.CorrelationId,
            h.DefinitionId, h.DefinitionVersion, h.BeforeState, h.AfterState, payload.RootElement.Clone(), h.PreviousHash, h.Hash);
    }
}
