using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Api.Organizations;
using Workflow.Api.Paging;
using Workflow.Engine.Campaigns;
using Workflow.Storage;
using Workflow.Storage.Campaigns;

namespace Workflow.Api.Campaigns;

/// <summary>/api/v1/campaigns: create, list, read, progress, transitions, diagram.</summary>
public static class CampaignEndpoints
{
    public static RouteGroupBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").ProducesProblem(401);
        // Operators and admins of the campaign's unit (or of the root) start campaigns: checked in Create, against the tree.
        group.MapPost("/", Create)
            .WithSummary("Start a campaign from a published template version")
            .Produces<CampaignResponse>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(503);
        group.MapGet("/", List)
            .WithSummary("List campaigns (filters: status, phase, organization; keyset paging) with each one's current-phase progress and overdue tasks")
            .ProducesProblem(400);
        group.MapGet("/{id:guid}", Get).WithSummary("Read a campaign; its ETag is its version")
            .ProducesProblem(404);
        group.MapGet("/{id:guid}/progress", CampaignProgress.Get)
            .WithSummary("Every phase, the current phase's open tasks and each activity's latest instance, gates, and the triggers permitted now (and why not)")
            .Produces(304).ProducesProblem(404).ProducesProblem(503);
        group.MapPost("/{id:guid}/transitions", Transition).RequireAuthorization(Roles.CampaignWriters)
            .WithSummary("Fire a phase trigger: start, advance, sendBack, suspend, resume, cancel, complete")
            .Produces<CampaignResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(422).ProducesProblem(503);
        group.MapGet("/{id:guid}/diagram", Diagram).WithSummary("The phase diagram as Mermaid or DOT")
            .Produces<string>(200, "text/plain", "text/vnd.graphviz").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        group.MapCampaignData();
        return group;
    }

    private static async Task<CommandAnswer> Create(
        CreateCampaignRequest request, HttpContext context, DefinitionCatalog catalog, CampaignDbContext db, CampaignCommands commands,
        AccessScope access, CancellationToken cancellationToken)
    {
        if (await CampaignOrganization.RefuseNonStarterAsync(context, access, cancellationToken) is { } nonStarter) return nonStarter;
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (FieldChecks.Required(context, ("templateId", request.TemplateId), ("name", request.Name), ("organization", request.Organization)) is { } missing)
            return missing;
        if (FieldChecks.MaxLength(context, ("name", request.Name.Trim(), CampaignRow.NameMaxLength),
                ("organization", request.Organization.Trim(), CampaignRow.OrganizationMaxLength)) is { } tooLong)
            return tooLong;
        if (await CampaignOrganization.RefuseAsync(context, access, request.Organization.Trim(), cancellationToken) is { } notHere) return notHere;
        // Read from the database now: a version published or retracted through any server counts at once.
        var lookup = await catalog.TemplateAsync(db, request.TemplateId, request.TemplateVersion, cancellationToken);
        if (lookup.Status == LookupStatus.Missing)
            return ApiProblem.Create(context, 404, ProblemCodes.TemplateNotFound,
                ("templateId", request.TemplateId), ("version", request.TemplateVersion.ToString()));
        if (lookup.Retracted)
            return ApiProblem.Create(context, 409, ProblemCodes.TemplateRetracted,
                ("templateId", request.TemplateId), ("version", request.TemplateVersion.ToString()));
        if (lookup.Compiled is not { } template)
            return CampaignProblems.DefinitionUnavailable(context, request.TemplateId, request.TemplateVersion, lookup.Status, lookup.Problem);
        var outcome = await commands.CreateAsync(template, request.Name.Trim(), request.Organization.Trim(), request.Parameters, actor,
            RequestHash(context, request), applied => Stored(context, 201, ToResponse(applied.Row), Location(applied.Row)), cancellationToken);
        return Respond(context, outcome, applied => Stored(context, 201, ToResponse(applied.Row), Location(applied.Row)));
    }

    private static async Task<Results<Ok<Page<CampaignListItem>>, ProblemHttpResult>> List(
        HttpContext context, CampaignDbContext db, TimeProvider clock, string? status, string? phase, string? organization, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(cursor, "campaigns", out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        if (Cursor.RefuseFilter(context, "status", status, CampaignStatus.All) is { } badStatus) return badStatus;
        var take = Cursor.Limit(limit);
        var query = db.Campaigns.AsNoTracking().Where(c => c.Number > after);
        if (status is not null) query = query.Where(c => c.Status == status);
        if (phase is not null) query = query.Where(c => c.State == phase);
        if (organization is not null) query = query.Where(c => c.Organization == organization);
        var rows = await query.OrderBy(c => c.Number).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? Cursor.Encode("campaigns", rows[take - 1].Number) : null;
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new Page<CampaignListItem>(rows.Take(take).Select(r => CampaignListing.Item(r, now)).ToList(), next));
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(Guid id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null) return CampaignProblems.NotFound(context, id);
        context.Response.Headers.ETag = ETag(row.Version);
        return TypedResults.Ok(ToResponse(row));
    }

    private static async Task<CommandAnswer> Transition(
        Guid id, TransitionRequest request, HttpContext context, CampaignCommands commands, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!Enum.TryParse<CampaignTrigger>(request.Trigger, ignoreCase: true, out var trigger) || int.TryParse(request.Trigger, out _))
            return ApiProblem.Create(context, 400, ProblemCodes.TriggerUnknown, ("trigger", request.Trigger ?? ""),
                ("triggers", string.Join(", ", Enum.GetNames<CampaignTrigger>().Select(JsonNamingPolicy.CamelCase.ConvertName))));
        if (!IfMatch.TryRead(context, out var ifMatch)) return IfMatchInvalid(context);
        var command = new TriggerCommand(actor.Principal, trigger, request.Reason, request.TargetPhase, actor.OnBehalfOf);
        var outcome = await commands.ExecuteAsync(id, ifMatch, actor, RequestHash(context, request),
            (template, state, now) => CampaignEngine.Fire(template, state, command, now),
            applied => Stored(context, 200, ToResponse(applied.Row), null), cancellationToken);
        return Respond(context, outcome, applied => Stored(context, 200, ToResponse(applied.Row), null), id);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Diagram(
        Guid id, string? format, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var row = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null) return CampaignProblems.NotFound(context, id);
        var (template, problem) = await CampaignProblems.PinnedTemplateAsync(context, catalog, db, row, cancellationToken);
        if (template is null) return problem!;
        return (format ?? "mermaid").ToLowerInvariant() switch
        {
            "mermaid" => (Results<ContentHttpResult, ProblemHttpResult>)TypedResults.Text(CampaignEngine.DiagramMermaid(template), "text/plain; charset=utf-8"),
            "dot" => TypedResults.Text(CampaignEngine.DiagramDot(template), "text/vnd.graphviz; charset=utf-8"),
            _ => ApiProblem.Create(context, 400, ProblemCodes.DiagramFormatUnknown, ("format", format ?? "")),
        };
    }

    /// <summary>Turns a command outcome into the HTTP response; the one place for statuses of commands.</summary>
    internal static CommandAnswer Respond(HttpContext context, CommandOutcome outcome, Func<CommandApplied, StoredResponse> respond, Guid? id = null) => outcome switch
    {
        CommandApplied applied => (CommandAnswer)Replay(context, respond(applied)),
        IdempotentReplay replay => Replay(context, new StoredResponse(replay.Record.StatusCode, replay.Record.ResponseBody, replay.Record.Location, replay.Record.ETag)),
        CommandRefused refused => CampaignProblems.Refused(context, refused.Refusal),
        CampaignMissing => CampaignProblems.NotFound(context, id ?? Guid.Empty),
        VersionMismatch mismatch => CampaignProblems.PreconditionFailed(context, mismatch.Current, mismatch.Expected),
        DefinitionUnavailable unavailable => CampaignProblems.DefinitionUnavailable(context, unavailable.TemplateId, unavailable.Version, unavailable.Status, unavailable.Problem),
        IdempotencyKeyReused reused => ApiProblem.Create(context, 422, ProblemCodes.IdempotencyKeyReused, ("key", reused.Key)),
        _ => ApiProblem.Create(context, 409, ProblemCodes.ConcurrencyConflict),
    };

    internal static StoredResponse Stored(HttpContext context, int status, object body, string? location) =>
        new(status, JsonSerializer.Serialize(body, context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions),
            location, body is CampaignResponse c ? ETag(c.Version) : null);

    private static ContentHttpResult Replay(HttpContext context, StoredResponse response)
    {
        if (response.Location is not null) context.Response.Headers.Location = response.Location;
        if (response.ETag is not null) context.Response.Headers.ETag = response.ETag;
        return TypedResults.Text(response.Body, "application/json; charset=utf-8", Encoding.UTF8, response.Status);
    }

    /// <summary>What makes two requests "the same" for Idempotency-Key: method, path and body.</summary>
    internal static string RequestHash<T>(HttpContext context, T body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{context.Request.Method} {context.Request.Path}\n{JsonSerializer.Serialize(body)}")));

    internal static ProblemHttpResult IfMatchInvalid(HttpContext context) =>
        ApiProblem.Create(context, 400, ProblemCodes.IfMatchInvalid, ("ifMatch", context.Request.Headers.IfMatch.ToString()));

    internal static string ETag(long version) => $"\"{version}\"";

    internal static string Location(CampaignRow row) => $"/api/v1/campaigns/{row.Id}";

    internal static CampaignResponse ToResponse(CampaignRow row) => new(
        row.Id, row.Name, row.Organization, row.TemplateId, row.TemplateVersion, row.State, row.Status,
        row.Status == "suspended", row.Version, row.CreatedAt, row.CreatedBy, row.UpdatedAt);
}
