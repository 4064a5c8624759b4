namespace Workflow.Engine.Campaigns;

/// <summary>
/// The descriptions of the phase machine's guards, as Stateless reports them when a trigger is
/// refused. Clients can switch on them; they also label the guards in the diagrams.
/// </summary>
public static class PhaseGuards
{
    public const string NotSuspended = "the campaign is not suspended";
    public const string IsSuspended = "the campaign is suspended";
    public const string WorkflowFinished = "the phase workflow has reached its end";
    public const string GatesMet = "every exit gate of the phase is met";
    public const string EarlierPhase = "the target is an earlier phase of this template";
}
