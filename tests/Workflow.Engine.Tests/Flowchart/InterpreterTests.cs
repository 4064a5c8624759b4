using Workflow.Engine.Flowchart;
using Workflow.Engine.Tests.Support;
using static Workflow.Engine.Tests.Support.Flow;

namespace Workflow.Engine.Tests.Flowchart;

public sealed class InterpreterTests
{
    [Fact]
    public void Sequence_ActivatesEachTaskInTurn_AndCompletesAtTheEnd()
    {
        // start ─► first ─► second ─► end
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("first").Task("second").Activity("end", "Elsa.End")
            .Chain("start", "first", "second", "end").Compile());
        Assert.Equal(["first:1"], run.Active);
        run.Complete("first:1");
        Assert.Equal(["second:1"], run.Active);
        run.Complete("second:1");
        Assert.Empty(run.Active);
        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.IsType<WorkflowCompleted>(run.Events[^1]);
    }

    [Fact]
    public void WaitAllJoin_FiresOncePerIteration_WhenEveryBranchHasArrived()
    {
        // start ─► fork ─A─► a ─┐
        //               └B─► b ─┴─► join(WaitAll) ─► review ─Approved─► end
        //                          ▲                        └ChangesRequested─► fork (again)
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B" } })
            .Task("a").Task("b").Activity("join", "Elsa.FlowJoin", new { mode = "WaitAll" }).Task("review", "Campaign.Review").Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "a", "A").Connect("fork", "b", "B").Connect("a", "join").Connect("b", "join")
            .Connect("join", "review").Connect("review", "end", "Approved").Connect("review", "fork", "ChangesRequested").Compile());

        run.Complete("a:1");
        Assert.Equal(["b:1"], run.Active);
        Assert.Single(run.State.JoinArrivals["join"]);
        run.Complete("b:1");
        Assert.Equal(["review:1"], run.Active);
        Assert.False(run.State.JoinArrivals.ContainsKey("join"));

        run.Complete("review:1", new { }, "ChangesRequested");
        Assert.Equal(["a:2", "b:2"], run.Active);
        run.Complete("b:2");
        run.Complete("a:2");
        Assert.Equal(["review:2"], run.Active);
        Assert.Equal([1, 2], run.Events.OfType<ActivityCompleted>().Where(e => e.ActivityId == "join").Select(e => e.Iteration));
    }

    [Fact]
    public void WaitAnyJoin_FiresOnTheFirstBranch_AndWithdrawsTheOthers()
    {
        // start ─► fork ─A─► quick ─┐
        //               └B─► slow ──┴─► join(WaitAny) ─► end
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Activity("fork", "Elsa.FlowFork", new { branches = new[] { "A", "B" } })
            .Task("quick").Task("slow").Activity("join", "Elsa.FlowJoin", new { mode = "WaitAny" }).Task("after").Activity("end", "Elsa.End")
            .Connect("start", "fork").Connect("fork", "quick", "A").Connect("fork", "slow", "B").Connect("quick", "join").Connect("slow", "join")
            .Chain("join", "after", "end").Compile());
        run.Complete("quick:1");
        Assert.Equal(["after:1"], run.Active);
        Assert.Equal(TaskInstanceStatus.Cancelled, run.State.Tasks["slow:1"].Status);
        Assert.Equal(RejectionCodes.TaskNotActive, run.Do(new CompleteTask("late", "slow:1", null, JsonData.Of(new { heldOn = "2023-06-11" }))).Rejection!.Code);
    }

    [Fact]
    public void Decision_TakesThePortItsExpressionGives_AndRecordsWhatItSaw()
    {
        // start ─► vote ─► enough ─True─► end ; enough ─False─► vote
        var run = new Running(new Flow().Input("threshold", "number").Activity("start", "Elsa.Start").Task("vote", "Campaign.Appraisal")
            .Activity("enough", "Elsa.FlowDecision", new { condition = Expression("results.vote.satisfaction >= inputs.threshold") }).Activity("end", "Elsa.End")
            .Chain("start", "vote", "enough").Connect("enough", "end", "True").Connect("enough", "vote", "False").Compile(),
            new { threshold = 0.9 });
        run.Complete("vote:1", new { participants = 10, satisfied = 8 });
        Assert.Equal(["vote:2"], run.Active);
        var decision = run.Events.OfType<ActivityCompleted>().Single(e => e.ActivityId == "enough");
        Assert.Equal("False", decision.Port);
        Assert.Equal(0.8, decision.Observed!.Value.GetProperty("results.vote.satisfaction").GetDouble());
        Assert.Equal(0.9, decision.Observed!.Value.GetProperty("inputs.threshold").GetDouble());
        run.Complete("vote:2", new { participants = 10, satisfied = 10 });
        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
    }

    [Fact]
    public void MultiInstanceTask_RunsOncePerItem_AndGivesAnArrayOfResults()
    {
        var run = new Running(new Flow().Input("groups", "array").Activity("start", "Elsa.Start")
            .Task("meet", inputs: new { forEach = Expression("inputs.groups"), assignee = Expression("item.leader") }).Activity("end", "Elsa.End")
            .Chain("start", "meet", "end").Compile(),
            new { groups = new[] { new { leader = "a" }, new { leader = "b" } } });
        Assert.Equal(["meet:1:0", "meet:1:1"], run.Active);
        Assert.Equal(["a", "b"], run.State.ActiveTasks.Select(t => t.Assignee));
        run.Complete("meet:1:1", new { heldOn = "2023-06-02", attendees = 7 });
        Assert.Equal(WorkflowStatus.Running, run.State.Status);
        run.Complete("meet:1:0", new { heldOn = "2023-06-01", attendees = 5 });
        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        var results = run.State.Results["meet"].EnumerateArray().Select(r => r.GetProperty("attendees").GetInt32()).ToList();
        Assert.Equal([5, 7], results);
    }

    [Fact]
    public void MultiInstanceTask_OverAnEmptyCollection_IsDoneAtOnce()
    {
        var run = new Running(new Flow().Input("groups", "array").Activity("start", "Elsa.Start")
            .Task("meet", inputs: new { forEach = Expression("inputs.groups") }).Activity("end", "Elsa.End").Chain("start", "meet", "end").Compile(),
            new { groups = Array.Empty<object>() });
        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.Equal(0, run.State.Results["meet"].GetArrayLength());
    }

    [Fact]
    public void DueDates_AreComputedAtActivation_AndOverdueIsVisibleForAGivenTime()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("meeting", inputs: new { dueInDays = 3 })
            .Task("fixed", inputs: new { dueDate = "2023-06-30" }).Activity("end", "Elsa.End").Chain("start", "meeting", "fixed", "end").Compile());
        var meeting = run.State.Tasks["meeting:1"];
        Assert.Equal(run.Now.AddDays(3), meeting.DueAt);
        Assert.False(meeting.IsOverdue(run.Now.AddDays(2)));
        Assert.True(meeting.IsOverdue(run.Now.AddDays(4)));
        run.Complete("meeting:1");
        Assert.Equal(new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.Zero), run.State.Tasks["fixed:1"].DueAt);
        Assert.False(run.State.Tasks["meeting:1"].IsOverdue(run.Now.AddDays(30)));
    }

    [Fact]
    public void Reassign_ChangesTheAssignee_AndRefusesAnEmptyOne()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("meeting", inputs: new { assignee = "secretary" })
            .Activity("end", "Elsa.End").Chain("start", "meeting", "end").Compile());
        var step = run.Do(new ReassignTask("admin", "meeting:1", "deputy", "secretary on leave"));
        var reassigned = Assert.IsType<TaskReassigned>(Assert.Single(step.Events));
        Assert.Equal(("secretary", "deputy", "admin"), (reassigned.From, reassigned.To, reassigned.Actor));
        Assert.Equal("deputy", run.State.Tasks["meeting:1"].Assignee);
        Assert.Equal(RejectionCodes.AssigneeInvalid, run.Do(new ReassignTask("admin", "meeting:1", "  ")).Rejection!.Code);
    }

    [Fact]
    public void InvalidCommands_AreRefusedWithReasons_AndChangeNothing()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("forms", "Campaign.OpinionCollection")
            .Activity("end", "Elsa.End").Chain("start", "forms", "end").Compile());
        var before = StateJson.Of(run.State);

        var unknown = run.Do(new CompleteTask("x", "forms:2", null, JsonData.Of(new { })));
        Assert.Equal(RejectionCodes.TaskNotFound, unknown.Rejection!.Code);
        var invalid = run.Do(new CompleteTask("x", "forms:1", null, JsonData.Of(new { formsIssued = 180, formsReturned = 190 })));
        Assert.Equal(RejectionCodes.ResultInvalid, invalid.Rejection!.Code);
        Assert.Contains(invalid.Rejection.FieldErrors, e => e.Field == "/formsReturned");
        Assert.Contains("formsReturned (190) must not exceed formsIssued (180)", invalid.Rejection.Message);
        Assert.Empty(invalid.Events);
        Assert.Equal(before, StateJson.Of(run.State));
    }

    [Fact]
    public void Cancel_WithdrawsActiveTasks_AndRefusesLaterCommands()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("meeting").Activity("end", "Elsa.End").Chain("start", "meeting", "end").Compile());
        run.Do(new CancelWorkflow("admin", "campaign withdrawn"));
        Assert.Equal(WorkflowStatus.Cancelled, run.State.Status);
        Assert.Equal(TaskInstanceStatus.Cancelled, run.State.Tasks["meeting:1"].Status);
        Assert.Equal(RejectionCodes.WorkflowNotRunning, run.Do(new CompleteTask("x", "meeting:1", null, null)).Rejection!.Code);
    }

    [Fact]
    public void SetVariableAndNotification_RunAtOnce_AndAreRecorded()
    {
        var run = new Running(new Flow().Variable("rounds", "0").Activity("start", "Elsa.Start").Task("meeting")
            .Activity("count", "Elsa.SetVariable", new { variable = "rounds", value = Expression("variables.rounds + 1") })
            .Activity("tell", "Campaign.Notification", new { recipients = new[] { "all-members" }, subject = "会议已召开" })
            .Activity("end", "Elsa.End").Chain("start", "meeting", "count", "tell", "end").Compile());
        run.Complete("meeting:1");
        Assert.Equal(1, run.State.Variables["rounds"].GetInt32());
        var notice = run.Events.OfType<NotificationRequested>().Single();
        Assert.Equal("会议已召开", notice.Subject);
        Assert.Equal("all-members", notice.Recipients[0].GetString());
    }

    [Fact]
    public void FailingDecision_FaultsVisibly_InsteadOfThrowing()
    {
        var run = new Running(new Flow().Input("limit", "number").Activity("start", "Elsa.Start").Task("meeting")
            .Activity("check", "Elsa.FlowDecision", new { condition = Expression("inputs.limit") }).Activity("end", "Elsa.End")
            .Chain("start", "meeting", "check").Connect("check", "end", "True").Connect("check", "meeting", "False").Compile(),
            new { limit = 3 });
        run.Complete("meeting:1");
        var fault = Assert.Single(run.State.Faults);
        Assert.Equal(("check", "expression.not_boolean"), (fault.ActivityId, fault.Code));
        Assert.Equal(WorkflowStatus.Running, run.State.Status);
    }

    [Fact]
    public void Findings_InAResult_AreRecordedWithIdsAndTheirSource()
    {
        var run = new Running(new Flow().Activity("start", "Elsa.Start").Task("find", "Campaign.Finding").Activity("end", "Elsa.End")
            .Chain("start", "find", "end").Compile());
        run.Complete("find:1", new { findings = new[] { new { title = "师资不足", kind = "problem" }, new { title = "场地紧张", kind = "problem" } } });
        Assert.Equal(["find:1/1", "find:1/2"], run.State.Findings.Select(f => f.GetProperty("id").GetString()));
        Assert.All(run.State.Findings, f => Assert.Equal("find:1", f.GetProperty("sourceTaskId").GetString()));
    }
}
