using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Engine.Flowchart;
using Workflow.Storage;

namespace Workflow.Api.Tasks;

/// <summary>
/// Every task instance a campaign ever had, with its result, from the task-instance table: what progress no longer
/// carries once a newer iteration superseded an instance. Keyset-paged in activation order, so a page costs the same
/// whatever the campaign's history.
/// </summary>
public static class CampaignTaskList
{
    /// <summary>The list's name in its cursors, so a worklist cursor is refused here.</summary>
    private const string List = "campaign-tasks";

    private static readonly string[] Statuses = ["active", "completed", "cancelled"];

    /// <param name="Name">The activity's name as the template gives it; null when the template no longer has it.</param>
    /// <param name="DisplayName">The activity's display name in the request's language, else its name.</param>
    /// <param name="Outcome">The port the instance left by: the outcome chosen, or Timeout.</param>
    public sealed record TaskInstanceView(
        string Id, string PhaseId, int Round, string ActivityId, string ActivityType, string? Name, string? DisplayName, string Status, string? Assignee,
        DateTime ActivatedAt, DateTime? DueAt, bool Overdue, int Iteration, int? Unit, JsonElement? Item, string? Outcome, JsonElement? Result,
        string? CompletedBy, string? OnBehalfOf, string? Comment, DateTime? EndedAt, int Reminders, string? EscalatedTo, DateTime? EscalatedAt);

    public static async Task<Results<Ok<Page<TaskInstanceView>>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, string? status, string? phase,
        string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!Paging.Cursor.TryDecode(cursor, List, out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (Paging.Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        if (Paging.Cursor.RefuseFilter(context, "status", status, Statuses) is { } badStatus) return badStatus;
        var row = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.TemplateId, c.TemplateVersion }).SingleOrDefaultAsync(cancellationToken);
        if (row is null) return CampaignProblems.NotFound(context, id);
        var take = Paging.Cursor.Limit(limit);
        var query = db.WorkItems.AsNoTracking().Where(w => w.CampaignId == id && w.Id > after);
        if (status is not null) query = query.Where(w => w.Status == status);
        if (phase is not null) query = query.Where(w => w.PhaseId == phase);
        var page = await query.OrderBy(w => w.Id).Take(take + 1).ToListAsync(cancellationToken);

        var template = (await catalog.PinnedTemplateAsync(db, row.TemplateId, row.TemplateVersion, cancellationToken)).Compiled;
        var culture = Messages.Culture(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = page.Take(take).Select(w =>
        {
            var activity = template?.FindPhase(w.PhaseId)?.Workflow.FindActivity(w.ActivityId);
            TaskInstanceIds.TryParse(w.TaskId, out _, out var iteration, out var unit);
            return new TaskInstanceView(
                w.TaskId, w.PhaseId, w.Round, w.ActivityId, w.ActivityType, activity?.Name, activity is null ? null : activity.DisplayNames.Get(culture) ?? activity.Name,
                w.Status, w.Assignee, w.ActivatedAt, w.DueAt, w.Status == "active" && w.DueAt < now, iteration, unit, Json(w.ItemJson),
                w.Outcome, Json(w.ResultJson), w.CompletedBy, w.OnBehalfOf, w.Comment, w.EndedAt, w.Reminders, w.EscalatedTo, w.EscalatedAt);
        }).ToList();
        var next = page.Count > take ? Paging.Cursor.Encode(List, page[take - 1].Id) : null;
        return TypedResults.Ok(new Page<TaskInstanceView>(items, next));
    }

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
