using System.Text.Json;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Flowchart;

/// <summary>
/// Timers in the interpreter: the engine has no clock, so a delay records when it is due and a FireTimer command
/// (with the time) moves it on; reminders, escalations and timeouts are accepted once per firing; every event replays.
/// </summary>
public sealed class TimerTests
{
    private static readonly DateTimeOffset At = new(2023, 6, 10, 9, 0, 0, TimeSpan.Zero);

    private static Running DelayThenTask(object delay) => new(new Flow().Activity("start", "Elsa.Start").Activity("wait", "Elsa.Delay", delay)
        .Task("after", inputs: new { assignee = "bob" }).Activity("end", "Elsa.End").Chain("start", "wait", "after", "end").Compile(), at: At);

    private static void AssertReplays(Running run) =>
        Assert.Equal(
            JsonSerializer.Serialize(run.State, EngineJson.Options),
            JsonSerializer.Serialize(WorkflowEvolver.Replay(run.Events.Select(e =>
                JsonSerializer.Deserialize<WorkflowEvent>(JsonSerializer.Serialize(e, EngineJson.Options), EngineJson.Options)!)), EngineJson.Options));

    [Fact]
    public void Delay_WaitsUntilItsTime_ThenLeavesByDone_Once()
    {
        var run = DelayThenTask(new { timeSpan = "1.00:00:00" });
        var started = Assert.Single(run.Events.OfType<DelayStarted>());
        Assert.Equal(At.AddDays(1), started.DueAt);
        Assert.Equal(["wait:1"], run.Active);

        var byHand = run.Complete2("wait:1");
        Assert.Equal(RejectionCodes.TaskIsTimer, byHand.Rejection!.Code);

        run.Now = At.AddDays(1);
        Assert.True(run.Do(new FireTimer("timers", TimerKind.Delay, "wait:1")).Accepted);
        Assert.Equal(["after:1"], run.Active);
        Assert.Equal(RejectionCodes.TimerStale, run.Do(new FireTimer("timers", TimerKind.Delay, "wait:1")).Rejection!.Code);
        Assert.Single(run.Events.OfType<DelayElapsed>());
        AssertReplays(run);
    }

    [Fact]
    public void Delay_UntilATime_InThePast_GoesOnAtOnce()
    {
        var iso = DelayThenTask(new { timeSpan = "PT2H" });
        Assert.Equal(At.AddHours(2), Assert.Single(iso.Events.OfType<DelayStarted>()).DueAt);
        var past = DelayThenTask(new { dateTime = "2023-06-01T00:00:00Z" });
        Assert.Empty(past.Events.OfType<DelayStarted>());
        Assert.Equal(["after:1"], past.Active);
    }

    [Fact]
    public void Delay_WithoutATime_OrWithABadOne_IsAValidationError()
    {
        var missing = new Flow().Activity("start", "Elsa.Start").Activity("wait", "Elsa.Delay").Activity("end", "Elsa.End").Chain("start", "wait", "end").Check();
        Assert.Contains(missing.Errors, e => e.Code == ValidationCodes.ActivityInputMissing && e.ActivityId == "wait");
        var bad = new Flow().Activity("start", "Elsa.Start").Activity("wait", "Elsa.Delay", new { timeSpan = "tomorrow" }).Activity("end", "Elsa.End")
            .Chain("start", "wait", "end").Check();
        Assert.Contains(bad.Errors, e => e.Code == ValidationCodes.ActivityInputInvalid && e.Message.Contains("duration"));
    }

    [Fact]
    public void TimeoutPort_IsTakenOnlyWithTheOption_AndMustThenBeConnected()
    {
        Flow Base(object inputs) => new Flow().Activity("start", "Elsa.Start").Task("quick", inputs: inputs).Task("late").Activity("end", "Elsa.End")
            .Connect("start", "quick").Connect("quick", "end").Connect("late", "end");
        Assert.True(Base(new { dueInDays = 1, timeout = true }).Connect("quick", "late", "Timeout").Check().Succeeded);
        Assert.Contains(Base(new { dueInDays = 1 }).Connect("quick", "late", "Timeout").Check().Errors, e => e.Message.Contains("'timeout'"));
        Assert.Contains(Base(new { dueInDays = 1, timeout = true }).Check().Errors, e => e.Code == ValidationCodes.ActivityDeadEnd && e.Message.Contains("Timeout"));
    }

    [Fact]
    public void Timeout_WithdrawsTheTask_AndLeavesByTimeout()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("quick", inputs: new { assignee = "carol", dueInDays = 1, timeout = true })
            .Task("late", inputs: new { assignee = "dave" }).Activity("end", "Elsa.End")
            .Connect("start", "quick").Connect("quick", "end").Connect("quick", "late", "Timeout").Connect("late", "end").Compile(), at: At);
        run.Now = At.AddDays(1);
        Assert.True(run.Do(new FireTimer("timers", TimerKind.Timeout, "quick:1")).Accepted);
        Assert.Equal(["late:1"], run.Active);
        var timedOut = Assert.Single(run.Events.OfType<TaskTimedOut>());
        Assert.Equal(["carol"], timedOut.Recipients.ToArray());
        Assert.Equal((TaskInstanceStatus.Cancelled, "Timeout"), (run.State.Tasks["quick:1"].Status, run.State.Tasks["quick:1"].Outcome));
        Assert.Equal("Timeout", run.Events.OfType<ActivityCompleted>().Single(e => e.ActivityId == "quick").Port);
        Assert.Equal(RejectionCodes.TimerStale, run.Do(new FireTimer("timers", TimerKind.Timeout, "quick:1")).Rejection!.Code);
        AssertReplays(run);
    }

    [Fact]
    public void Reminders_AreAcceptedInTurn_AndEscalationOnce_ReachingTheCurrentAssignee()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("report", inputs: new { assignee = "alice", dueInDays = 2 })
            .Activity("end", "Elsa.End").Chain("start", "report", "end").Compile(), at: At);
        Assert.True(run.Do(new FireTimer("timers", TimerKind.Reminder, "report:1", 1, "beforeDue")).Accepted);
        Assert.Equal(RejectionCodes.TimerStale, run.Do(new FireTimer("timers", TimerKind.Reminder, "report:1", 1, "beforeDue")).Rejection!.Code);
        Assert.True(run.Do(new ReassignTask("office", "report:1", "erin")).Accepted);
        Assert.True(run.Do(new FireTimer("timers", TimerKind.Reminder, "report:1", 2, "due")).Accepted);
        Assert.Equal([["alice"], ["erin"]], run.Events.OfType<TaskReminded>().Select(r => r.Recipients.ToArray()));

        Assert.True(run.Do(new FireTimer("timers", TimerKind.Escalation, "report:1", EscalateTo: "supervisor")).Accepted);
        Assert.Equal(RejectionCodes.TimerStale, run.Do(new FireTimer("timers", TimerKind.Escalation, "report:1", EscalateTo: "supervisor")).Rejection!.Code);
        Assert.Equal(("supervisor", At), (run.State.Tasks["report:1"].EscalatedTo, run.State.Tasks["report:1"].EscalatedAt!.Value));
        Assert.Equal(["supervisor", "erin"], Assert.Single(run.Events.OfType<TaskEscalated>()).Recipients.ToArray());

        run.Complete("report:1");
        Assert.Equal(RejectionCodes.WorkflowNotRunning, run.Do(new FireTimer("timers", TimerKind.Reminder, "report:1", 3, "overdue")).Rejection!.Code);
        AssertReplays(run);
    }
}

internal static class RunningTimerExtensions
{
    /// <summary>A completion that may be refused, for asserting the refusal.</summary>
    public static StepResult Complete2(this Running run, string taskId) =>
        run.Do(new CompleteTask("tester", taskId, null, JsonData.Of(new { heldOn = "2023-06-10" })));
}
