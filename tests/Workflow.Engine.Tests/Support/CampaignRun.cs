using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;

namespace Workflow.Engine.Tests.Support;

/// <summary>
/// Drives one campaign through the engine as a host would: keeps the state and every event, and
/// moves a test clock forward an hour per command.
/// </summary>
internal sealed class CampaignRun
{
    public static readonly DateTimeOffset Day0 = new(2023, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<CampaignEvent> _events = [];

    private CampaignRun(CompiledTemplate template, CampaignInstance state, IEnumerable<CampaignEvent> events)
    {
        Template = template;
        State = state;
        _events.AddRange(events);
    }

    public CompiledTemplate Template { get; }

    public CampaignInstance State { get; private set; }

    public IReadOnlyList<CampaignEvent> Events => _events;

    public DateTimeOffset Now { get; private set; } = Day0;

    public static CampaignRun Create(CompiledTemplate template, object parameters, string actor = "admin")
    {
        var result = CampaignEngine.Create(template, JsonData.Of(parameters), actor, Day0);
        Assert.True(result.Accepted, result.Refusal?.Message);
        return new CampaignRun(template, result.State!, result.Events);
    }

    public static CampaignRun Seed(object? overrides = null) => Create(Support.Definitions.SeedTemplate, SeedFigures.Parameters(overrides));

    public IReadOnlyList<string> ActiveTaskIds => State.Workflow?.ActiveTasks.Select(t => t.Id).ToList() ?? [];

    public TaskInstance Task(string id) => State.Workflow!.Tasks[id];

    public CampaignResult TryFire(CampaignTrigger trigger, string? reason = null, string? target = null, string actor = "party-secretary") =>
        Apply(CampaignEngine.Fire(Template, State, new TriggerCommand(actor, trigger, reason, target), Tick()));

    public CampaignResult Fire(CampaignTrigger trigger, string? reason = null, string? target = null, string actor = "party-secretary")
    {
        var result = TryFire(trigger, reason, target, actor);
        Assert.True(result.Accepted, result.Refusal?.Message);
        return result;
    }

    public CampaignResult TryComplete(string taskId, object? result, string? outcome = null, string actor = "operator") =>
        Apply(CampaignEngine.Execute(Template, State, new CompleteTask(actor, taskId, outcome, result is null ? null : JsonData.Of(result)), Tick()));

    public CampaignResult Complete(string taskId, object? result, string? outcome = null, string actor = "operator")
    {
        var done = TryComplete(taskId, result, outcome, actor);
        Assert.True(done.Accepted, done.Refusal?.Message);
        return done;
    }

    public CampaignResult TryExecute(WorkflowCommand command) => Apply(CampaignEngine.Execute(Template, State, command, Tick()));

    public CampaignResult TryRetry(string incidentId, string? reason = null, string actor = "operator") =>
        Apply(Engine.Incidents.IncidentEngine.Retry(Template, State, new Engine.Incidents.RetryIncident(actor, incidentId, reason), Tick()));

    public CampaignResult TrySkip(string incidentId, string? reason, string? outcome = null, string actor = "operator") =>
        Apply(Engine.Incidents.IncidentEngine.Skip(Template, State, new Engine.Incidents.SkipIncident(actor, incidentId, reason, outcome), Tick()));

    public CampaignAssessment Assess() => CampaignEngine.Assess(Template, State);

    /// <summary>Completes every active task of an activity with the same result.</summary>
    public void CompleteAll(string activityId, Func<TaskInstance, object> result)
    {
        foreach (var task in State.Workflow!.ActiveTasks.Where(t => t.ActivityId == activityId).ToList())
            Complete(task.Id, result(task));
    }

    private CampaignResult Apply(CampaignResult result)
    {
        if (!result.Accepted) return result;
        State = result.State!;
        _events.AddRange(result.Events);
        return result;
    }

    private DateTimeOffset Tick() => Now = Now.AddHours(1);
}

/// <summary>Makes JSON values from anonymous objects, for tests only.</summary>
internal static class JsonData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonElement Of(object value) => JsonSerializer.SerializeToElement(value, Options);
}
