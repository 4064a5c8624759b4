namespace Workflow.Engine.Campaigns;

/// <summary>What can be asked of a campaign's phase machine.</summary>
public enum CampaignTrigger
{
    /// <summary>Enter the first phase.</summary>
    Start,

    /// <summary>Leave the current phase for the next; needs the phase workflow finished and every exit gate met.</summary>
    Advance,

    /// <summary>Return to an earlier phase, with a reason; the current phase's open tasks are cancelled.</summary>
    SendBack,

    /// <summary>Pause: nothing moves until resumed; the phase and its tasks stay exactly as they are.</summary>
    Suspend,

    /// <summary>Continue after a suspension, exactly where the campaign stood.</summary>
    Resume,

    /// <summary>Stop the campaign for good.</summary>
    Cancel,

    /// <summary>Leave the last phase, finishing the campaign; guarded like Advance.</summary>
    Complete,
}
