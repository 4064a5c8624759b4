using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Serialization;
using Workflow.Storage;
using Workflow.Storage.Campaigns;

namespace Workflow.Api.Dashboard;

/// <summary>
/// The dashboard's gates at risk: the current phase's exit gates of active campaigns that are not met
/// yet (unmet, pending or in error), with the values they saw, so a leader sees "satisfaction 0.75
/// against 0.8" without opening each campaign.
/// </summary>
public static class GatesAtRisk
{
    /// <summary>How many gates the section lists (unmet first).</summary>
    public const int ItemLimit = 20;

    /// <summary>
    /// How many active campaigns are assessed, most recently changed first: each costs one row read and, when its
    /// version is not cached yet, one evaluation (the progress endpoint's AssessmentCache), never a replay of its history.
    /// </summary>
    public const int CampaignLimit = 200;

    /// <param name="CampaignId">The campaign whose current phase the gate guards.</param>
    /// <param name="CampaignName">The campaign's name.</param>
    /// <param name="Organization">The campaign's organization.</param>
    /// <param name="Phase">The current phase id.</param>
    /// <param name="PhaseDisplayName">The current phase's name in the request's language.</param>
    /// <param name="Gate">The gate as the progress endpoint shows it: state, condition and the observed values (e.g. results.massAppraisal.satisfaction beside inputs.satisfactionThreshold).</param>
    public sealed record GateAtRisk(Guid CampaignId, string CampaignName, string Organization, string Phase, string PhaseDisplayName, GateView Gate);

    /// <param name="Items">At most <see cref="ItemLimit"/> gates: unmet, then in error, then pending; by campaign name within each.</param>
    /// <param name="Total">How many gates are at risk among the campaigns assessed.</param>
    /// <param name="CampaignsAssessed">How many active campaigns were assessed (at most <see cref="CampaignLimit"/>).</param>
    public sealed record GatesAtRiskSection(IReadOnlyList<GateAtRisk> Items, int Total, int CampaignsAssessed);

    private static readonly string[] ActiveStatuses = ["running", "suspended"];

    internal static async Task<GatesAtRiskSection> ReadAsync(
        IQueryable<CampaignRow> campaigns, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog, AssessmentCache assessments,
        CancellationToken cancellationToken)
    {
        var rows = await campaigns.Where(c => ActiveStatuses.Contains(c.Status))
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Number).Take(CampaignLimit).ToListAsync(cancellationToken);
        var culture = Errors.Messages.Culture(context);
        var atRisk = new List<GateAtRisk>();
        foreach (var row in rows)
        {
            var lookup = await catalog.PinnedTemplateAsync(db, row.TemplateId, row.TemplateVersion, cancellationToken);
            // A campaign whose template cannot be loaded has no gates to show; its own page says why.
            if (lookup.Compiled is not { } template) continue;
            // The row's state column is the phase; the stored state is read only when this version was not assessed yet.
            if (template.FindPhase(row.State) is not { } phase) continue;
            var assessment = assessments.Get(row.Id, row.Version, template, () => JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!);
            var phaseName = phase.Definition.DisplayNames.Get(culture) ?? phase.Definition.Name;
            atRisk.AddRange(assessment.Gates.Select(g => GateView.From(g, context)).Where(g => g.State != "met")
                .Select(g => new GateAtRisk(row.Id, row.Name, row.Organization, phase.Id, phaseName, g)));
        }
        var items = atRisk.OrderBy(g => Rank(g.Gate.State)).ThenBy(g => g.CampaignName, StringComparer.Ordinal).ThenBy(g => g.CampaignId)
            .Take(ItemLimit).ToList();
        return new GatesAtRiskSection(items, atRisk.Count, rows.Count);
    }

    private static int Rank(string state) => state switch { "unmet" => 0, "error" => 1, _ => 2 };
}
