using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Storage;

namespace Workflow.Api.Campaigns;

/// <summary>Where a campaign stands: what a dashboard or an integrator polls. Honours If-None-Match.</summary>
public static class CampaignProgress
{
    public sealed record PhaseView(string Id, string Name, string DisplayName, string Status, int Rounds);

    /// <param name="Name">The activity's name as the template gives it; null when the template no longer has it.</param>
    /// <param name="DisplayName">The activity's display name in the request's language, else its name.</param>
    public sealed record TaskView(
        string Id, string ActivityId, string ActivityType, string? Name, string? DisplayName, string Status, string? Assignee, DateTimeOffset ActivatedAt,
        DateTimeOffset? DueAt, bool Overdue, int Iteration, int? Unit, JsonElement? Item, string? Outcome, JsonElement? Result,
        string? CompletedBy, DateTimeOffset? EndedAt, int Reminders, string? EscalatedTo, DateTimeOffset? EscalatedAt);

    public sealed record TriggerView(string Trigger, string? TargetPhase, bool Permitted, IReadOnlyList<string> Reasons);

    public sealed record ProgressResponse(
        Guid Id, string State, string Status, bool Suspended, long Version, IReadOnlyList<PhaseView> Phases, string? CurrentPhase, int Round,
        string? WorkflowStatus, IReadOnlyList<TaskView> Tasks, IReadOnlyList<GateView> Gates, IReadOnlyList<string> WaitingFor,
        IReadOnlyList<TriggerView> Triggers, IReadOnlyList<ActivityFault> Faults, DateTimeOffset? PhaseDeadline, DateTimeOffset? PhaseDeadlinePassedAt);

    public static async Task<Results<Ok<ProgressResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, AssessmentCache assessments, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var row = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null) return CampaignProblems.NotFound(context, id);
        // Overdue depends on the clock, so the validator carries the hour as well as the version.
        var now = clock.GetUtcNow();
        var etag = $"\"{row.Version}-{now:yyyyMMddHH}-{(Messages.IsChinese(context) ? "zh" : "en")}\"";
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal)) return TypedResults.StatusCode(304);
        context.Response.Headers.ETag = etag;

        var (template, problem) = await CampaignProblems.PinnedTemplateAsync(context, catalog, db, row, cancellationToken);
        if (template is null) return problem!;
        var campaign = JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!;
        var assessment = assessments.Get(row.Id, row.Version, template, campaign);
        var current = template.FindPhase(campaign.State);
        return TypedResults.Ok(new ProgressResponse(
            row.Id, campaign.State, row.Status, campaign.Suspended, row.Version, Phases(template, campaign, context), current?.Id, campaign.Round,
            campaign.Workflow?.Status.ToString().ToLowerInvariant(), Tasks(template, campaign, context, now),
            assessment.Gates.Select(g => GateView.From(g, context)).ToList(), assessment.WaitingFor,
            assessment.Triggers.Select(t => new TriggerView(JsonNamingPolicy.CamelCase.ConvertName(t.Trigger.ToString()), t.TargetPhase, t.Permitted, t.ReasonsIn(Messages.Culture(context)))).ToList(),
            campaign.Workflow?.Faults ?? [], campaign.PhaseDeadline, campaign.PhaseDeadlinePassedAt));
    }

    /// <summary>Every phase of the template, with where the campaign stands in it.</summary>
    internal static IReadOnlyList<PhaseView> Phases(CompiledTemplate template, CampaignInstance campaign, HttpContext context)
    {
        var culture = Messages.Culture(context);
        var current = template.FindPhase(campaign.State);
        return template.Phases.Select(p => new PhaseView(
            p.Id, p.Definition.Name, p.Definition.DisplayNames.Get(culture) ?? p.Definition.Name,
            PhaseStatus(campaign, p.Index, current?.Index),
            campaign.Transitions.Count(t => t.To == p.Id && t.Trigger is CampaignTrigger.Start or CampaignTrigger.Advance or CampaignTrigger.SendBack))).ToList();
    }

    /// <summary>The current phase's task instances the state holds, overdue as of <paramref name="now"/>.</summary>
    internal static IReadOnlyList<TaskView> Tasks(CompiledTemplate template, CampaignInstance campaign, HttpContext context, DateTimeOffset now)
    {
        var culture = Messages.Culture(context);
        var current = template.FindPhase(campaign.State);
        TaskView ViewOf(TaskInstance t)
        {
            var activity = current?.Workflow.FindActivity(t.ActivityId);
            return new TaskView(
                t.Id, t.ActivityId, activity?.Type ?? "", activity?.Name, activity is null ? null : activity.DisplayNames.Get(culture) ?? activity.Name,
                t.Status.ToString().ToLowerInvariant(), t.Assignee, t.ActivatedAt, t.DueAt, t.IsOverdue(now), t.Iteration, t.Unit, t.Item,
                t.Outcome, t.Result, t.CompletedBy, t.EndedAt, t.Reminders, t.EscalatedTo, t.EscalatedAt);
        }
        return campaign.Workflow?.Tasks.Values.OrderBy(t => t.Sequence).Select(ViewOf).ToList() ?? [];
    }

    private static string PhaseStatus(CampaignInstance campaign, int index, int? current)
    {
        if (campaign.State == CampaignStates.Completed) return "done";
        if (current is null) return campaign.State == CampaignStates.Cancelled ? "cancelled" : "upcoming";
        return index < current ? "done" : index == current ? (campaign.Suspended ? "suspended" : "current") : "upcoming";
    }
}
