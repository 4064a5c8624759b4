using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Errors;
using Workflow.Storage;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>/api/v1/workflows and /api/v1/templates: published versions of phase workflows and campaign templates.</summary>
public static class DefinitionEndpoints
{
    public sealed record VersionView(
        string Kind, string DefinitionId, int Version, string ContentHash, string Source, DateTime PublishedAt, string PublishedBy,
        bool Retracted, DateTime? RetractedAt);

    public sealed record DefinitionView(VersionView Version, JsonElement Definition);

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        foreach (var (kind, path) in new[] { (DefinitionKinds.Workflow, "workflows"), (DefinitionKinds.Template, "templates") })
        {
            var group = app.MapGroup($"/api/v1/{path}").WithTags("Definitions");
            group.MapGet("/", (CampaignDbContext db, CancellationToken ct) => List(kind, db, ct)).WithSummary($"Every published {kind} version");
            group.MapGet("/{definitionId}/versions/{version:int}", (string definitionId, int version, HttpContext context, CampaignDbContext db, CancellationToken ct) =>
                Get(kind, definitionId, version, context, db, ct)).WithSummary($"One published {kind} version with its JSON");
        }
        return app;
    }

    private static async Task<IResult> List(string kind, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Definitions.AsNoTracking().Where(d => d.Kind == kind)
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<IResult> Get(string kind, string definitionId, int version, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Definitions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Kind == kind && d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        if (row is null)
            return ApiProblem.Create(context, 404, ProblemCodes.DefinitionNotFound, ("kind", kind), ("definitionId", definitionId), ("version", $" v{version}"));
        using var json = JsonDocument.Parse(row.Json);
        return TypedResults.Ok(new DefinitionView(View(row), json.RootElement.Clone()));
    }

    internal static VersionView View(PublishedDefinition d) =>
        new(d.Kind, d.DefinitionId, d.Version, d.ContentHash, d.Source, d.PublishedAt, d.PublishedBy, d.RetractedAt is not null, d.RetractedAt);
}
