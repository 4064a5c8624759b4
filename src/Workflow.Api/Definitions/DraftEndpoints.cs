using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>
/// /api/v1/{workflows|templates}/drafts: definitions being designed. A draft may be invalid (work in
/// progress) but is always a JSON object; every response carries its current validation. Its
/// <c>version</c> is its ETag; publishing turns it into the next published version.
/// </summary>
public static class DraftEndpoints
{
    public static void MapDrafts(RouteGroupBuilder drafts, string kind, string path)
    {
        drafts.MapPost("/", (JsonElement definition, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct) =>
                Create(kind, path, definition, context, db, catalog, clock, ct))
            .RequireAuthorization(Roles.DefinitionWriters).WithSummary($"Save a new {kind} draft (it may be invalid; its problems come back)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);
        drafts.MapGet("/", (HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, CancellationToken ct) => List(kind, context, db, catalog, ct))
            .WithSummary($"Every {kind} draft with its validation (without the documents)");
        drafts.MapGet("/{draftId:guid}", (Guid draftId, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, CancellationToken ct) =>
                Get(kind, draftId, context, db, catalog, ct))
            .WithSummary($"One {kind} draft with its document and validation; its ETag is its version").ProducesProblem(404);
        drafts.MapPut("/{draftId:guid}", (Guid draftId, JsonElement definition, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, CancellationToken ct) =>
                Update(kind, draftId, definition, context, db, catalog, clock, ct))
            .RequireAuthorization(Roles.DefinitionWriters).WithSummary($"Replace a {kind} draft's document (If-Match: its version, optional)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        drafts.MapDelete("/{draftId:guid}", (Guid draftId, HttpContext context, CampaignDbContext db, TimeProvider clock, CancellationToken ct) =>
                Delete(kind, draftId, context, db, clock, ct))
            .RequireAuthorization(Roles.DefinitionWriters).WithSummary($"Delete a {kind} draft (If-Match: its version, optional)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        drafts.MapPost("/{draftId:guid}/publish", (Guid draftId, HttpContext context, DefinitionPublisher publisher, CancellationToken ct) =>
                Publish(kind, draftId, context, publisher, ct))
            .RequireAuthorization(Roles.DefinitionWriters)
            .WithSummary($"Publish a {kind} draft as the next version of its definitionId (If-Match: its version, optional)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(422);
    }

    private static async Task<Results<Created<DraftView>, ProblemHttpResult>> Create(
        string kind, string path, JsonElement definition, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (Refuse(context, definition) is { } refused) return refused;
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var now = UtcTime.Truncate(clock.GetUtcNow());
        var row = new DefinitionDraft
        {
            Id = Guid.NewGuid(), Kind = kind, DefinitionId = DefinitionDocuments.DefinitionIdOf(definition), Json = definition.GetRawText(),
            CreatedAt = now, CreatedBy = actor.Principal, UpdatedAt = now, UpdatedBy = actor.Principal, Version = 1,
        };
        var saved = await DefinitionLedger.InTransactionAsync(db, async token =>
        {
            db.Drafts.Add(row);
            await DefinitionLedger.AppendAsync(db, Entry(DefinitionLedger.DraftCreated, row, null, DefinitionLedger.DraftState), actor, now, token);
            await db.SaveChangesAsync(token);
            return true;
        }, () => false, cancellationToken);
        if (!saved) return ApiProblem.Create(context, 409, ProblemCodes.DefinitionConcurrencyConflict, ("what", "definitions ledger"));
        context.Response.Headers.ETag = CampaignEndpoints.ETag(row.Version);
        return TypedResults.Created($"/api/v1/{path}/drafts/{row.Id}", await View(row, catalog, db, withDefinition: true, Messages.Culture(context), cancellationToken));
    }

    /// <summary>The ledger entry of a change to a draft.</summary>
    private static DefinitionLedger.Change Entry(string entryKind, DefinitionDraft row, string? before, string? after) =>
        new(row.Kind, entryKind, row.DefinitionId, null, DefinitionLedger.ContentHashOf(row.Json), row.Id, null, before, after);

    private static async Task<Ok<List<DraftView>>> List(string kind, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var rows = await db.Drafts.AsNoTracking().Where(d => d.Kind == kind)
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        var views = new List<DraftView>(rows.Count);
        foreach (var row in rows) views.Add(await View(row, catalog, db, withDefinition: false, Messages.Culture(context), cancellationToken));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> Get(string kind, Guid draftId, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var row = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.Kind == kind, cancellationToken);
        if (row is null) return DraftNotFound(context, draftId);
        context.Response.Headers.ETag = CampaignEndpoints.ETag(row.Version);
        return TypedResults.Ok(await View(row, catalog, db, withDefinition: true, Messages.Culture(context), cancellationToken));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> Update(
        string kind, Guid draftId, JsonElement definition, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!IfMatch.TryRead(context, out var ifMatch)) return CampaignEndpoints.IfMatchInvalid(context);
        if (Refuse(context, definition) is { } refused) return refused;
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        // A lost race runs again: with If-Match the next read answers 412; without it, last writer wins.
        return await DefinitionLedger.InTransactionAsync<Results<Ok<DraftView>, ProblemHttpResult>>(db, async token =>
        {
            var row = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId && d.Kind == kind, token);
            if (row is null) return DraftNotFound(context, draftId);
            if (ifMatch is { } expected && !expected.Matches(row.Version)) return DraftChanged(context, row.Version, expected.Shown);
            row.Json = definition.GetRawText();
            row.DefinitionId = DefinitionDocuments.DefinitionIdOf(definition);
            row.UpdatedAt = UtcTime.Truncate(clock.GetUtcNow());
            row.UpdatedBy = actor.Principal;
            row.Version += 1;
            await DefinitionLedger.AppendAsync(db, Entry(DefinitionLedger.DraftUpdated, row, DefinitionLedger.DraftState, DefinitionLedger.DraftState),
                actor, row.UpdatedAt, token);
            await db.SaveChangesAsync(token);
            context.Response.Headers.ETag = CampaignEndpoints.ETag(row.Version);
            return TypedResults.Ok(await View(row, catalog, db, withDefinition: true, Messages.Culture(context), token));
        }, () => ApiProblem.Create(context, 409, ProblemCodes.DefinitionConcurrencyConflict, ("what", "draft " + draftId)), cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string kind, Guid draftId, HttpContext context, CampaignDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!IfMatch.TryRead(context, out var ifMatch)) return CampaignEndpoints.IfMatchInvalid(context);
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        return await DefinitionLedger.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(db, async token =>
        {
            var row = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId && d.Kind == kind, token);
            if (row is null) return DraftNotFound(context, draftId);
            if (ifMatch is { } expected && !expected.Matches(row.Version)) return DraftChanged(context, row.Version, expected.Shown);
            db.Drafts.Remove(row);
            await DefinitionLedger.AppendAsync(db, Entry(DefinitionLedger.DraftDeleted, row, DefinitionLedger.DraftState, DefinitionLedger.DeletedState),
                actor, UtcTime.Truncate(clock.GetUtcNow()), token);
            await db.SaveChangesAsync(token);
            return TypedResults.NoContent();
        }, () => ApiProblem.Create(context, 409, ProblemCodes.DefinitionConcurrencyConflict, ("what", "draft " + draftId)), cancellationToken);
    }

    private static async Task<Results<Created<DefinitionEndpoints.DefinitionView>, ProblemHttpResult>> Publish(string kind, Guid draftId, HttpContext context, DefinitionPublisher publisher, CancellationToken cancellationToken)
    {
        if (!IfMatch.TryRead(context, out var ifMatch)) return CampaignEndpoints.IfMatchInvalid(context);
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        var outcome = await publisher.PublishAsync(kind, draftId, ifMatch, actor, cancellationToken);
        return outcome switch
        {
            PublishOutcome.Published published => (Results<Created<DefinitionEndpoints.DefinitionView>, ProblemHttpResult>) TypedResults.Created(DefinitionEndpoints.Location(published.Row), DefinitionEndpoints.Full(published.Row)),
            PublishOutcome.DraftMissing => DraftNotFound(context, draftId),
            PublishOutcome.DraftChanged changed => DraftChanged(context, changed.Current, changed.Expected),
            PublishOutcome.Rejected rejected => ApiProblem.Create(context, 422, ProblemCodes.DefinitionInvalid,
                new Dictionary<string, string> { ["count"] = rejected.Errors.Length.ToString(CultureInfo.InvariantCulture) },
                extensions: new Dictionary<string, object?> { ["errors"] = ValidationView.ErrorsOf(rejected.Errors, Messages.Culture(context)) }),
            _ => ApiProblem.Create(context, 409, ProblemCodes.DefinitionConcurrencyConflict, ("what", "draft " + draftId)),
        };
    }

    private static async Task<DraftView> View(
        DefinitionDraft row, DefinitionCatalog catalog, CampaignDbContext db, bool withDefinition, string culture, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(row.Json);
        var validation = ValidationView.From(await DefinitionValidation.CheckAsync(row.Kind, document.RootElement, catalog, db, cancellationToken), culture);
        return new DraftView(row.Id, row.Kind, row.DefinitionId, row.Version, row.CreatedAt, row.CreatedBy, row.UpdatedAt, row.UpdatedBy,
            validation.Valid, validation.Identity, validation.Errors, withDefinition ? document.RootElement.Clone() : null);
    }

    /// <summary>What a draft must be even while it is invalid: a JSON object whose definitionId fits the table.</summary>
    private static ProblemHttpResult? Refuse(HttpContext context, JsonElement definition)
    {
        if (definition.ValueKind != JsonValueKind.Object)
            return ApiProblem.Create(context, 400, ProblemCodes.DefinitionNotObject, ("valueKind", definition.ValueKind.ToString()));
        if (!DefinitionLedger.IsValidText(DefinitionDocuments.DefinitionIdOf(definition)))
            return ApiProblem.Create(context, 400, ProblemCodes.RequestInvalid, ("error", "the definitionId is not valid Unicode (it has a lone surrogate)."));
        if (DefinitionDocuments.DefinitionIdOf(definition).Length > DefinitionDocuments.MaxDefinitionIdLength)
            return ApiProblem.Create(context, 400, ProblemCodes.DefinitionIdTooLong,
                ("limit", DefinitionDocuments.MaxDefinitionIdLength.ToString(CultureInfo.InvariantCulture)));
        return null;
    }

    private static ProblemHttpResult DraftNotFound(HttpContext context, Guid draftId) =>
        ApiProblem.Create(context, 404, ProblemCodes.DraftNotFound, ("draftId", draftId.ToString()));

    private static ProblemHttpResult DraftChanged(HttpContext context, long current, string expected) =>
        ApiProblem.Create(context, 412, ProblemCodes.DraftChanged,
            ("current", current.ToString(CultureInfo.InvariantCulture)), ("expected", expected));
}
