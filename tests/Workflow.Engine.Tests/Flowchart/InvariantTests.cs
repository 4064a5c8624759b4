using CsCheck;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.Flow;

namespace Workflow.Engine.Tests.Flowchart;

/// <summary>
/// Random valid command sequences (completions with random valid results and outcomes, retries of
/// finished tasks, reassignments) never leave an inconsistent state, and replaying the events
/// always rebuilds the state exactly.
/// </summary>
public sealed class InvariantTests
{
    public static TheoryData<string> SeedWorkflows => ["study-phase", "analysis-phase", "rectification-phase"];

    [Theory]
    [MemberData(nameof(SeedWorkflows))]
    public void RandomCommands_OnSeedWorkflows_KeepEveryInvariant(string definitionId)
    {
        var workflow = Support.Definitions.Library.FindWorkflow(definitionId, 1)!;
        var inputs = new
        {
            partyGroups = SeedFigures.PartyGroups,
            teamMembers = SeedFigures.TeamMembers,
            satisfactionThreshold = 0.8,
            formReturnRateThreshold = 0.6,
            minimumTalks = 40,
            minimumRulesIssued = 4,
            minimumResearchFindings = 1,
            findings = new[] { SeedFigures.Finding("师资不足", "problem"), SeedFigures.Finding("经费不足", "problem") },
        };
        Gen.Int[0, 1_000_000].Array[1, 120].Sample(choices => Check(workflow, inputs, new Choices(choices)), iter: 150);
    }

    [Fact]
    public void RandomCommands_OnJoinsAndLoops_KeepEveryInvariant()
    {
        // start ─► fork ─A─► a ─┐                         ┌─Approved─► any(WaitAny) ─► end
        //               ├B─► b ─┼─► all(WaitAll) ─► review┤
        //               └C─► c ─┘         ▲               └─ChangesRequested─► fork
        //  fork ─D─► d ─► any
        var workflow = new Flow().Activity("start", "Elsa.Start").Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B", "C", "D" } })
            .Task("a").Task("b").Task("c").Task("d").Activity("all", "Elsa.FlowJoin", new { mode = "WaitAll" }).Task("review", "Campaign.Review")
            .Activity("any", "Elsa.FlowJoin", new { mode = "WaitAny" }).Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "a", "A").Connect("fork", "b", "B").Connect("fork", "c", "C").Connect("fork", "d", "D")
            .Connect("a", "all").Connect("b", "all").Connect("c", "all").Connect("all", "review")
            .Connect("review", "any", "Approved").Connect("review", "fork", "ChangesRequested").Connect("d", "any").Connect("any", "end")
            .Compile();
        Gen.Int[0, 1_000_000].Array[1, 120].Sample(choices => Check(workflow, null, new Choices(choices)), iter: 300);
    }

    private static void Check(CompiledWorkflow workflow, object? inputs, Choices choices)
    {
        var run = new Running(workflow, inputs);
        while (!choices.Exhausted && run.State.Status == WorkflowStatus.Running)
        {
            var active = run.State.ActiveTasks.ToList();
            // Ended instances, whether the state still keeps them or a newer iteration superseded them.
            var finished = run.Events.Select(e => e switch { TaskCompleted c => c.TaskId, TaskCancelled x => x.TaskId, _ => null })
                .OfType<string>().ToList();
            run.Now = run.Now.AddMinutes(choices.Between(1, 600));
            switch (choices.Next(10))
            {
                case 0 when finished.Count > 0:
                    var late = finished[choices.Next(finished.Count)];
                    var retry = run.Do(new CompleteTask("someone", late, null, JsonData.Of(new { heldOn = "2023-06-10" })));
                    Assert.Equal(RejectionCodes.TaskNotActive, retry.Rejection?.Code);
                    break;
                case 1 when active.Count > 0:
                    Assert.True(run.Do(new ReassignTask("admin", choices.Pick(active).Id, $"person-{choices.Next(5)}")).Accepted);
                    break;
                default:
                    if (active.Count == 0) return;
                    var task = choices.Pick(active);
                    var type = workflow.Find(task.ActivityId)!.Descriptor.TypeName;
                    var (outcome, result) = choices.CompletionFor(type);
                    var step = run.Do(new CompleteTask("someone", task.Id, outcome, JsonData.Of(result)));
                    Assert.True(step.Accepted, step.Rejection?.Message);
                    break;
            }
            AssertConsistent(run);
        }
    }

    internal static void AssertConsistent(Running run)
    {
        var events = run.Events;
        // Each task instance is activated once and ends at most once, and its status agrees with its events.
        var activated = events.OfType<TaskActivated>().GroupBy(e => e.TaskId).ToList();
        Assert.All(activated, g => Assert.Single(g));
        var ended = events.Where(e => e is TaskCompleted or TaskCancelled)
            .Select(e => e is TaskCompleted c ? c.TaskId : ((TaskCancelled)e).TaskId).ToList();
        Assert.Equal(ended.Count, ended.Distinct().Count());
        foreach (var task in run.State.Tasks.Values)
            Assert.Equal(task.Status != TaskInstanceStatus.Active, ended.Contains(task.Id));

        // The state lets go only of ended instances a newer iteration of their activity superseded, and keeps nothing older.
        foreach (var gone in activated.Select(g => g.Single()).Where(a => !run.State.Tasks.ContainsKey(a.TaskId)))
        {
            Assert.Contains(gone.TaskId, ended);
            Assert.Contains(run.State.Tasks.Values, t => t.ActivityId == gone.ActivityId && t.Iteration > gone.Iteration);
        }
        foreach (var superseded in run.State.Tasks.Values.Where(t => t.Status != TaskInstanceStatus.Active))
            Assert.True(run.State.Tasks.Values.All(t => t.ActivityId != superseded.ActivityId || t.Iteration <= superseded.Iteration)
                || run.State.ActiveTasks.Any(t => t.ActivityId == superseded.ActivityId && t.Iteration == superseded.Iteration),
                $"{superseded.Id} is kept although a newer iteration of its activity exists.");
        Assert.Equal(StateJson.Of(run.State), StateJson.Of(WorkflowEvolver.Compact(run.State)));

        // Every activity (joins included) completes at most once per iteration, and never while units of that iteration are active.
        var completions = events.OfType<ActivityCompleted>().GroupBy(e => (e.ActivityId, e.Iteration)).ToList();
        Assert.All(completions, g => Assert.Single(g));
        foreach (var completion in completions)
            Assert.DoesNotContain(run.State.ActiveTasks, t => t.ActivityId == completion.Key.ActivityId && t.Iteration == completion.Key.Iteration);

        // Replaying the events rebuilds the state exactly.
        Assert.Equal(StateJson.Of(run.State), StateJson.Of(WorkflowEvolver.Replay(events)));
    }
}
