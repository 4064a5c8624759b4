using Workflow.Engine.Campaigns;

namespace Workflow.Api.Campaigns;

/// <summary>The list-filter status of a campaign, derived from its engine state.</summary>
public static class CampaignStatus
{
    public static string Of(CampaignInstance campaign) => campaign.State switch
    {
        CampaignStates.NotStarted => "notStarted",
        CampaignStates.Completed => "completed",
        CampaignStates.Cancelled => "cancelled",
        _ => campaign.Suspended ? "suspended" : "running",
    };

    public static readonly string[] All = ["notStarted", "running", "suspended", "completed", "cancelled"];
}
