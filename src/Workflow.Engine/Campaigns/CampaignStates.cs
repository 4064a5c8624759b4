namespace Workflow.Engine.Campaigns;

/// <summary>
/// The phase machine's states are the template's phase ids plus these three, which cannot clash
/// with a phase id because ids start with a letter.
/// </summary>
public static class CampaignStates
{
    public const string NotStarted = "$notStarted";
    public const string Completed = "$completed";
    public const string Cancelled = "$cancelled";

    public static bool IsPhase(string state) => !state.StartsWith('$');
}
