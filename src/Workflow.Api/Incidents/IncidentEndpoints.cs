using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Api.Paging;
using Workflow.Engine.Incidents;
using Workflow.Storage;

namespace Workflow.Api.Incidents;

/// <summary>
/// /api/v1/campaigns/{id}/incidents: the faulted steps of a campaign, and the operator's two ways out of one (retry and
/// skip), authorized like phase triggers and written through the same command path (If-Match, Idempotency-Key, ledger).
/// </summary>
public static class IncidentEndpoints
{
    private static readonly string[] Statuses = ["open", "resolved"];

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns/{id:guid}/incidents").WithTags("Incidents").ProducesProblem(401);
        group.MapGet("/", List)
            .WithSummary("The campaign's incidents (faulted steps), open and resolved, with who retried or skipped them and why (filter: status; keyset paging)")
            .ProducesProblem(400).ProducesProblem(404);
        var commands = group.MapGroup("/{incidentId}").RequireAuthorization(Roles.CampaignWriters)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(503);
        commands.MapPost("/retry", Retry).WithSummary("Run the faulted step again against the campaign's current data")
            .Produces<CampaignResponse>();
        commands.MapPost("/skip", Skip).WithSummary("Treat the faulted step as completed, with a reason, so the flow goes on")
            .Produces<CampaignResponse>();
        return app;
    }

    private static async Task<Results<Ok<Page<IncidentView>>, ProblemHttpResult>> List(
        Guid id, string? status, string? cursor, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(cursor, "incidents", out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        if (Cursor.RefuseFilter(context, "status", status, Statuses) is { } badStatus) return badStatus;
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken)) return CampaignProblems.NotFound(context, id);
        var take = Cursor.Limit(limit);
        var page = (await IncidentHistory.ReadAsync(db, id, cancellationToken))
            .Where(i => long.Parse(i.Id, System.Globalization.CultureInfo.InvariantCulture) > after && (status is null || i.Status == status))
            .Take(take + 1).ToList();
        var next = page.Count > take ? Cursor.Encode("incidents", long.Parse(page[take - 1].Id, System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<IncidentView>(page.Take(take).ToList(), next));
    }

    private static Task<CommandAnswer> Retry(
        Guid id, string incidentId, RetryIncidentRequest? request, HttpContext context, CampaignCommands commands, CancellationToken cancellationToken) =>
        Run(id, request, context, commands, (template, state, now, actor) =>
            IncidentEngine.Retry(template, state, new RetryIncident(actor.Principal, incidentId, request?.Reason, actor.OnBehalfOf), now), cancellationToken);

    private static Task<CommandAnswer> Skip(
        Guid id, string incidentId, SkipIncidentRequest request, HttpContext context, CampaignCommands commands, CancellationToken cancellationToken) =>
        Run(id, request, context, commands, (template, state, now, actor) =>
            IncidentEngine.Skip(template, state, new SkipIncident(actor.Principal, incidentId, request.Reason, request.Outcome, actor.OnBehalfOf), now), cancellationToken);

    private static async Task<CommandAnswer> Run<T>(
        Guid id, T request, HttpContext context, CampaignCommands commands,
        Func<Engine.Compilation.CompiledTemplate, Engine.Campaigns.CampaignInstance, DateTimeOffset, RequestActor, Engine.Campaigns.CampaignResult> command,
        CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!IfMatch.TryRead(context, out var ifMatch)) return CampaignEndpoints.IfMatchInvalid(context);
        var outcome = await commands.ExecuteAsync(id, ifMatch, actor, CampaignEndpoints.RequestHash(context, request),
            (template, state, now) => command(template, state, now, actor),
            applied => CampaignEndpoints.Stored(context, 200, CampaignEndpoints.ToResponse(applied.Row), null), cancellationToken);
        return CampaignEndpoints.Respond(context, outcome,
            applied => CampaignEndpoints.Stored(context, 200, CampaignEndpoints.ToResponse(applied.Row), null), id);
    }
}
