using CsCheck;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Tests.Support;

namespace Workflow.Engine.Tests.Campaigns;

/// <summary>
/// Random mixes of task completions and triggers (advance, send back, suspend, resume, complete)
/// over the seed campaign: refusals change nothing, a suspended campaign takes no task command,
/// and the campaign's events always replay to its exact state.
/// </summary>
public sealed class CampaignInvariantTests
{
    private static readonly CampaignTrigger[] Triggers =
        [CampaignTrigger.Advance, CampaignTrigger.SendBack, CampaignTrigger.Suspend, CampaignTrigger.Resume, CampaignTrigger.Complete];

    [Fact]
    public void RandomCommandsAndTriggers_ReplayExactly_AndRefusalsChangeNothing()
    {
        Gen.Int[0, 1_000_000].Array[1, 150].Sample(values =>
        {
            var choices = new Choices(values);
            var run = CampaignRun.Seed();
            run.Fire(CampaignTrigger.Start);
            while (!choices.Exhausted && !run.State.IsFinished)
            {
                var before = StateJson.Of(run.State);
                var eventCount = run.Events.Count;
                CampaignResult result;
                var active = run.State.Workflow?.ActiveTasks.ToList() ?? [];
                if (choices.Next(4) == 0 || active.Count == 0)
                {
                    var trigger = Triggers[choices.Next(Triggers.Length)];
                    var target = Support.Definitions.SeedTemplate.Phases[choices.Next(3)].Id;
                    result = run.TryFire(trigger, "随机测试", trigger == CampaignTrigger.SendBack ? target : null);
                }
                else
                {
                    var task = choices.Pick(active);
                    var type = Support.Definitions.SeedTemplate.FindPhase(run.State.State)!.Workflow.Find(task.ActivityId)!.Descriptor.TypeName;
                    var (outcome, completion) = choices.CompletionFor(type);
                    var suspended = run.State.Suspended;
                    result = run.TryComplete(task.Id, completion, outcome);
                    if (suspended) Assert.Equal(CampaignRefusalCodes.Suspended, result.Refusal?.Code);
                    else Assert.True(result.Accepted, result.Refusal?.Message);
                }
                if (!result.Accepted)
                {
                    Assert.Equal(before, StateJson.Of(run.State));
                    Assert.Equal(eventCount, run.Events.Count);
                }
                Assert.Equal(run.Events.OfType<PhaseTransitioned>().Count(), run.State.Transitions.Length);
                Assert.Equal(StateJson.Of(run.State), StateJson.Of(CampaignEvolver.Replay(run.Events)));
            }
        }, iter: 60);
    }
}
