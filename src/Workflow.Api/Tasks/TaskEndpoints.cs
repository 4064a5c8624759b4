using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Storage;
using Workflow.Storage.Tasks;

namespace Workflow.Api.Tasks;

/// <summary>Completing and reassigning task instances, and the worklist across campaigns.</summary>
public static class TaskEndpoints
{
    /// <param name="PhaseDisplayName">The phase's display name in the request's language (Accept-Language), else its name.</param>
    /// <param name="TaskDisplayName">The task activity's display name in the request's language, else its name; null when the campaign's template no longer has it.</param>
    /// <param name="ItemLabel">For one instance of a multi-instance task: what it is for (a finding's title, a party group's name, a member), so rows of the same task can be told apart; null for a single task.</param>
    public sealed record WorkItemView(
        Guid CampaignId, string CampaignName, string PhaseId, string PhaseDisplayName, int Round, string TaskId, string ActivityId, string ActivityType,
        string? TaskDisplayName, string? ItemLabel, string? Assignee, string Status, DateTime ActivatedAt, DateTime? DueAt, bool Overdue, string? EscalatedTo,
        DateTime? EscalatedAt);

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var campaignTasks = app.MapGroup("/api/v1/campaigns/{id:guid}/tasks/{taskId}").WithTags("Tasks").RequireAuthorization(Roles.TaskWriters)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(412).ProducesProblem(422).ProducesProblem(503);
        campaignTasks.MapPost("/complete", Complete).WithSummary("Complete a task instance with an outcome and a structured result")
            .Produces<CampaignResponse>();
        campaignTasks.MapPost("/reassign", Reassign).WithSummary("Give a task instance to someone else")
            .Produces<CampaignResponse>();
        app.MapGet("/api/v1/campaigns/{id:guid}/tasks", CampaignTaskList.Get).WithTags("Tasks")
            .WithSummary("Every task instance of a campaign with its result, superseded iterations included (filters: status, phase; keyset paging)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404);
        app.MapGet("/api/v1/tasks", Worklist).WithTags("Tasks")
            .WithSummary("The worklist across campaigns (filters: assignee, role, status, overdue, escalated; keyset paging); an escalated task is also on its escalation target's list")
            .ProducesProblem(400).ProducesProblem(401);
        return app;
    }

    private static async Task<CommandAnswer> Complete(
        Guid id, string taskId, CompleteTaskRequest request, HttpContext context, CampaignCommands commands, CampaignDbContext db, CancellationToken cancellationToken) =>
        await WithoutIterationAsync(id, taskId, context, db, cancellationToken)
        ?? await Run(id, request, context, commands, actor => new CompleteTask(actor.Principal, taskId, request.Outcome, request.Result, request.Comment, actor.OnBehalfOf), cancellationToken);

    /// <summary>
    /// A task id is an activity id with its iteration (<c>studyMobilization:1</c>): one sent bare is answered with the open
    /// instances of that activity, so the caller can pick the one meant. Null when the id has its iteration.
    /// </summary>
    private static async Task<ProblemHttpResult?> WithoutIterationAsync(Guid id, string taskId, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (taskId.Contains(':', StringComparison.Ordinal)) return null;
        var open = await db.WorkItems.AsNoTracking().Where(w => w.CampaignId == id && w.ActivityId == taskId && w.Status == "active")
            .OrderBy(w => w.Id).Select(w => w.TaskId).Take(20).ToListAsync(cancellationToken);
        return ApiProblem.Create(context, 404, ProblemCodes.TaskIterationMissing, ("taskId", taskId),
            ("instances", open.Count > 0 ? string.Join(", ", open) : "-"));
    }

    private static async Task<CommandAnswer> Reassign(
        Guid id, string taskId, ReassignTaskRequest request, HttpContext context, CampaignCommands commands, CampaignDbContext db, CancellationToken cancellationToken) =>
        FieldChecks.MaxLength(context, ("assignee", request.Assignee, WorkItem.AssigneeMaxLength))
        ?? await WithoutIterationAsync(id, taskId, context, db, cancellationToken)
        ?? await Run(id, request, context, commands, actor => new ReassignTask(actor.Principal, taskId, request.Assignee ?? "", request.Reason), cancellationToken);

    private static async Task<CommandAnswer> Run<T>(
        Guid id, T request, HttpContext context, CampaignCommands commands, Func<RequestActor, WorkflowCommand> command, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!IfMatch.TryRead(context, out var ifMatch)) return CampaignEndpoints.IfMatchInvalid(context);
        var workflowCommand = command(actor);
        var outcome = await commands.ExecuteAsync(id, ifMatch, actor, CampaignEndpoints.RequestHash(context, request),
            (template, state, now) => CampaignEngine.Execute(template, state, workflowCommand, now),
            applied => CampaignEndpoints.Stored(context, 200, CampaignEndpoints.ToResponse(applied.Row), null), cancellationToken);
        return CampaignEndpoints.Respond(context, outcome,
            applied => CampaignEndpoints.Stored(context, 200, CampaignEndpoints.ToResponse(applied.Row), null), id);
    }

    /// <summary>What a work item can be (see WorkItemProjection).</summary>
    private static readonly string[] WorkItemStatuses = ["active", "completed", "cancelled"];

    private static async Task<Results<Ok<Page<WorkItemView>>, ProblemHttpResult>> Worklist(
        HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, string? assignee, string? role, string? status, bool? overdue,
        bool? escalated, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!Paging.Cursor.TryDecode(cursor, "tasks", out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Paging.Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        if (Paging.Cursor.RefuseFilter(context, "status", status, WorkItemStatuses) is { } badStatus) return badStatus;
        var take = Paging.Cursor.Limit(limit);
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = status ?? "active";
        // A task is assigned to a person or to a role name; either filter matches the assignee.
        var who = assignee ?? role;
        var query = db.WorkItems.AsNoTracking().Where(w => w.Status == wanted && w.Id > after);
        // An escalated task is on its target's list too (both columns are indexed with status and id).
        if (who is not null) query = query.Where(w => w.Assignee == who || w.EscalatedTo == who);
        if (overdue == true) query = query.Where(w => w.DueAt != null && w.DueAt < now);
        if (escalated is { } isEscalated) query = query.Where(w => (w.EscalatedTo != null) == isEscalated);
        var page = await (from w in query
                          join c in db.Campaigns.AsNoTracking() on w.CampaignId equals c.Id
                          orderby w.Id
                          select new { w, c.Name, c.TemplateId, c.TemplateVersion }).Take(take + 1).ToListAsync(cancellationToken);
        // The names come from the published (immutable) template version the campaign runs, compiled in the
        // catalog: one lookup per template version on the page, not per row.
        var templates = new Dictionary<(string, int), Engine.Compilation.CompiledTemplate?>();
        foreach (var pinned in page.Take(take).Select(r => (r.TemplateId, r.TemplateVersion)).Distinct())
            templates[pinned] = (await catalog.PinnedTemplateAsync(db, pinned.TemplateId, pinned.TemplateVersion, cancellationToken)).Compiled;
        var culture = Messages.Culture(context);
        var items = page.Take(take).Select(r =>
        {
            var phase = templates[(r.TemplateId, r.TemplateVersion)]?.FindPhase(r.w.PhaseId);
            var activity = phase?.Workflow.FindActivity(r.w.ActivityId);
            return new WorkItemView(
                r.w.CampaignId, r.Name, r.w.PhaseId, phase is null ? r.w.PhaseId : phase.Definition.DisplayNames.Get(culture) ?? phase.Definition.Name,
                r.w.Round, r.w.TaskId, r.w.ActivityId, r.w.ActivityType, activity is null ? null : activity.DisplayNames.Get(culture) ?? activity.Name,
                WorkItemLabel.Of(r.w.ItemJson), r.w.Assignee, r.w.Status, r.w.ActivatedAt, r.w.DueAt, r.w.Status == "active" && r.w.DueAt < now, r.w.EscalatedTo, r.w.EscalatedAt);
        }).ToList();
        var next = page.Count > take ? Paging.Cursor.Encode("tasks", page[take - 1].w.Id) : null;
        return TypedResults.Ok(new Page<WorkItemView>(items, next));
    }
}
