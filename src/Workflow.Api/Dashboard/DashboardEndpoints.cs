using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Storage;
using Workflow.Storage.Campaigns;

namespace Workflow.Api.Dashboard;

/// <summary>The leaders' dashboard (驾驶舱): aggregate figures over the current-state tables, for charts.</summary>
public static class DashboardEndpoints
{
    /// <summary>How many units the overdue and rectification sections list (most overdue first).</summary>
    public const int UnitLimit = 20;

    /// <param name="Organization">The organization (district or unit) the counts are for.</param>
    /// <param name="Status">Campaign status.</param>
    /// <param name="Phase">The current phase id (the campaign's state).</param>
    /// <param name="Count">How many campaigns of the organization are in this status and phase.</param>
    public sealed record OrganizationCount(string Organization, string Status, string Phase, int Count);

    /// <param name="Unit">The work item's assignee (a role, office or person).</param>
    /// <param name="Open">Active work items.</param>
    /// <param name="Overdue">Active work items past their deadline.</param>
    /// <param name="Closed">Completed work items (rectification only; 0 in the overdue section).</param>
    public sealed record UnitCount(string Unit, int Open, int Overdue, int Closed);

    /// <param name="Items">At most <see cref="UnitLimit"/> units, most overdue first.</param>
    /// <param name="Total">How many units there are in all.</param>
    public sealed record UnitSection(IReadOnlyList<UnitCount> Items, int Total);

    /// <param name="Organizations">Campaign counts per organization, status and current phase.</param>
    /// <param name="OverdueTasks">Open and overdue tasks per unit.</param>
    /// <param name="Rectification">Rectification items open, overdue and closed per unit.</param>
    /// <param name="GatesAtRisk">The current phase's gates of active campaigns that are not met, with the values they saw.</param>
    /// <param name="LatestEvents">The newest ledger entries of the campaigns in scope.</param>
    public sealed record DashboardResponse(
        IReadOnlyList<OrganizationCount> Organizations, UnitSection OverdueTasks, UnitSection Rectification,
        GatesAtRisk.GatesAtRiskSection GatesAtRisk, LatestEvents.LatestEventsSection LatestEvents);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", Get).WithTags("Dashboard")
            .WithSummary("Leaders' dashboard: campaign counts per organization, overdue tasks and rectification per unit, gates at risk, latest events (filter: organization; eventsBefore pages the events)")
            .ProducesProblem(400).ProducesProblem(401);
        return app;
    }

    /// <summary>The activity type of a rectification item: one per finding in the rectification phase (workflows/phases/rectification-phase.json).</summary>
    private const string RectificationType = "Campaign.RectificationItem";

    private static async Task<Results<Ok<DashboardResponse>, ProblemHttpResult>> Get(HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, AssessmentCache assessments, TimeProvider clock, string? organization,
        long? eventsBefore, CancellationToken cancellationToken)
    {
        if (organization is not null
            && (FieldChecks.Required(context, ("organization", organization)) ?? FieldChecks.MaxLength(context, ("organization", organization, CampaignRow.OrganizationMaxLength))) is { } bad)
            return bad;
        if (eventsBefore is < 1)
            return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "eventsBefore"), ("value", eventsBefore.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = db.Campaigns.AsNoTracking();
        if (organization is not null) campaigns = campaigns.Where(c => c.Organization == organization);
        var organizations = (await campaigns.GroupBy(c => new { c.Organization, c.Status, c.State })
                .Select(g => new { g.Key.Organization, g.Key.Status, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Organization, StringComparer.Ordinal).ThenBy(o => o.Status, StringComparer.Ordinal).ThenBy(o => o.State, StringComparer.Ordinal)
            .Select(o => new OrganizationCount(o.Organization, o.Status, o.State, o.Count)).ToList();
        var items = from w in db.WorkItems.AsNoTracking() join c in campaigns on w.CampaignId equals c.Id select w;
        var overdue = await Units(items.Where(w => w.Status == "active"), now, cancellationToken);
        // Rectification: work items of type Campaign.RectificationItem (one per carried finding), by owner.
        var rectification = await Units(items.Where(w => w.ActivityType == RectificationType && w.Status != "cancelled"), now, cancellationToken);
        var gates = await GatesAtRisk.ReadAsync(campaigns, context, db, catalog, assessments, cancellationToken);
        var events = await LatestEvents.ReadAsync(campaigns, db, eventsBefore, Messages.IsChinese(context), cancellationToken);
        return TypedResults.Ok(new DashboardResponse(organizations, overdue, rectification, gates, events));
    }

    private static async Task<UnitSection> Units(IQueryable<Storage.Tasks.WorkItem> items, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await items.GroupBy(w => w.Assignee ?? "")
            .Select(g => new
            {
                Unit = g.Key,
                Open = g.Count(w => w.Status == "active"),
                Overdue = g.Count(w => w.Status == "active" && w.DueAt != null && w.DueAt < now),
                Closed = g.Count(w => w.Status == "completed"),
            }).ToListAsync(cancellationToken);
        var sorted = rows.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .Take(UnitLimit).Select(r => new UnitCount(r.Unit, r.Open, r.Overdue, r.Closed)).ToList();
        return new UnitSection(sorted, rows.Count);
    }
}
