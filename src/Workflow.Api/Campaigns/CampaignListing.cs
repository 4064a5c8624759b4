using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Storage.Campaigns;

namespace Workflow.Api.Campaigns;

/// <summary>How far the current phase's workflow is: its tasks completed of those activated so far (cancelled ones left out).</summary>
public sealed record CampaignListProgress(int CompletedTasks, int TotalTasks, int Percent);

/// <summary>A campaign as the list shows it: the campaign, its current phase's progress and its overdue tasks.</summary>
public sealed record CampaignListItem(
    Guid Id, string Name, string Organization, string TemplateId, int TemplateVersion,
    string State, string Status, bool Suspended, long Version, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt,
    CampaignListProgress Progress, int OverdueTasks);

/// <summary>
/// The list's figures come from the state snapshot already on each row (its current phase's
/// workflow holds the tasks of this round), so a page costs no query beyond the page itself and
/// nothing grows with the campaign's history.
/// </summary>
internal static class CampaignListing
{
    public static CampaignListItem Item(CampaignRow row, DateTimeOffset now)
    {
        var campaign = JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!;
        var tasks = campaign.Workflow?.Tasks.Values.Where(t => t.Status != TaskInstanceStatus.Cancelled).ToList() ?? [];
        var completed = tasks.Count(t => t.Status == TaskInstanceStatus.Completed);
        // A completed campaign has done all its work even when its last phase's workflow is gone from the snapshot.
        var percent = campaign.State == CampaignStates.Completed ? 100
            : tasks.Count == 0 ? 0
            : (int)Math.Floor(100.0 * completed / tasks.Count);
        return new CampaignListItem(
            row.Id, row.Name, row.Organization, row.TemplateId, row.TemplateVersion, row.State, row.Status,
            row.Status == "suspended", row.Version, row.CreatedAt, row.CreatedBy, row.UpdatedAt,
            new CampaignListProgress(completed, tasks.Count, percent), tasks.Count(t => t.IsOverdue(now)));
    }
}
