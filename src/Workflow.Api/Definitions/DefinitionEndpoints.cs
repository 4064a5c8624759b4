using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>
/// /api/v1/workflows and /api/v1/templates: published versions of phase workflows and campaign
/// templates, validation of a document, and retraction. Drafts are in <see cref="DraftEndpoints"/>.
/// </summary>
public static class DefinitionEndpoints
{
    public sealed record VersionView(
        string Kind, string DefinitionId, int Version, string ContentHash, string Source, DateTime PublishedAt, string PublishedBy,
        bool Retracted, DateTime? RetractedAt, string? RetractedBy);

    public sealed record DefinitionView(VersionView Version, JsonElement Definition);

    /// <summary>Why a version is retracted; optional, kept in the ledger entry of the retraction.</summary>
    public sealed record RetractRequest(string? Reason);

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        foreach (var (kind, path) in new[] { (DefinitionKinds.Workflow, "workflows"), (DefinitionKinds.Template, "templates") })
        {
            var group = app.MapGroup($"/api/v1/{path}").WithTags("Definitions");
            group.MapGet("/", (CampaignDbContext db, CancellationToken ct) => List(kind, db, ct)).WithSummary($"Every published {kind} version");
            group.MapGet("/{definitionId}/versions/{version:int}", (string definitionId, int version, HttpContext context, CampaignDbContext db, CancellationToken ct) =>
                Get(kind, definitionId, version, context, db, ct)).WithSummary($"One published {kind} version with its JSON")
                .ProducesProblem(404);
            group.MapPost("/validate", async (JsonElement definition, HttpContext context, DefinitionCatalog catalog, CampaignDbContext db, CancellationToken ct) =>
                    TypedResults.Ok(ValidationView.From(await DefinitionValidation.CheckAsync(kind, definition, catalog, db, ct), Errors.Messages.Culture(context))))
                .WithSummary($"Validate a {kind} document: its identity and every problem with its location" +
                             (kind == DefinitionKinds.Template ? ", against the workflows published now" : ""));
            group.MapPost("/{definitionId}/versions/{version:int}/retract",
                    (string definitionId, int version, RetractRequest? request, HttpContext context, DefinitionPublisher publisher, CancellationToken ct) =>
                        Retract(kind, definitionId, version, request, context, publisher, ct))
                .RequireAuthorization(Roles.DefinitionWriters)
                .WithSummary($"Retract a {kind} version: no new use of it; campaigns already pinned to it go on");
            DraftEndpoints.MapDrafts(group.MapGroup("/drafts"), kind, path);
        }
        return app;
    }

    private static async Task<Ok<List<VersionView>>> List(string kind, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Definitions.AsNoTracking().Where(d => d.Kind == kind)
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<Results<Ok<DefinitionView>, ProblemHttpResult>> Get(string kind, string definitionId, int version, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Definitions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Kind == kind && d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        if (row is null) return NotFound(context, kind, definitionId, version);
        return TypedResults.Ok(Full(row));
    }

    private static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Retract(
        string kind, string definitionId, int version, RetractRequest? request, HttpContext context, DefinitionPublisher publisher, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!DefinitionLedger.IsValidText(request?.Reason))
            return ApiProblem.Create(context, 400, ProblemCodes.RequestInvalid, ("error", "the reason is not valid Unicode (it has a lone surrogate)."));
        var outcome = await publisher.RetractAsync(kind, definitionId, version, actor, request?.Reason, cancellationToken);
        return outcome switch
        {
            { Contended: true } => (Results<Ok<VersionView>, ProblemHttpResult>)ApiProblem.Create(context, 409, ProblemCodes.DefinitionConcurrencyConflict, ("what", "definitions ledger")),
            { Row: null } => NotFound(context, kind, definitionId, version),
            { Changed: false, Row: { } row } => ApiProblem.Create(context, 409, ProblemCodes.DefinitionAlreadyRetracted,
                ("kind", kind), ("definitionId", definitionId), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("retractedBy", row.RetractedBy ?? ""), ("retractedAt", row.RetractedAt is { } at ? UtcTime.Format(at) : "")),
            { Row: { } row } => TypedResults.Ok(View(row)),
        };
    }

    internal static ProblemHttpResult NotFound(HttpContext context, string kind, string definitionId, int version) =>
        ApiProblem.Create(context, 404, ProblemCodes.DefinitionNotFound, ("kind", kind), ("definitionId", definitionId), ("version", $" v{version}"));

    internal static string Location(PublishedDefinition d) =>
        $"/api/v1/{(d.Kind == DefinitionKinds.Template ? "templates" : "workflows")}/{Uri.EscapeDataString(d.DefinitionId)}/versions/{d.Version}";

    internal static DefinitionView Full(PublishedDefinition row)
    {
        using var json = JsonDocument.Parse(row.Json);
        return new DefinitionView(View(row), json.RootElement.Clone());
    }

    internal static VersionView View(PublishedDefinition d) =>
        new(d.Kind, d.DefinitionId, d.Version, d.ContentHash, d.Source, d.PublishedAt, d.PublishedBy, d.RetractedAt is not null, d.RetractedAt, d.RetractedBy);
}
