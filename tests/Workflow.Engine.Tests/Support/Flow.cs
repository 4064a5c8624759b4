using System.Text.Json.Nodes;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Tests.Support;

/// <summary>Builds small phase workflow documents for tests, in the file format of <c>workflows/</c>.</summary>
internal sealed class Flow
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _inputs = [];
    private readonly JsonArray _variables = [];

    public Flow Activity(string id, string type, object? inputs = null)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type };
        if (inputs is not null)
            foreach (var (name, value) in JsonNode.Parse(JsonData.Of(inputs).GetRawText())!.AsObject().ToList())
                activity[name] = value?.DeepClone();
        _activities.Add(activity);
        return this;
    }

    /// <summary>A task, assigned to the campaign office unless <paramref name="inputs"/> name an assignee (a task must have one to publish).</summary>
    public Flow Task(string id, string type = "Campaign.Meeting", object? inputs = null)
    {
        Activity(id, type, inputs);
        var activity = _activities[^1]!.AsObject();
        if (!activity.ContainsKey("assignee")) activity["assignee"] = "campaign-office";
        return this;
    }

    public Flow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Connects a chain of activities by their Done ports.</summary>
    public Flow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++) Connect(ids[i - 1], ids[i]);
        return this;
    }

    public Flow Input(string name, string type, bool required = true)
    {
        _inputs.Add(new JsonObject { ["name"] = name, ["type"] = type, ["required"] = required });
        return this;
    }

    public Flow Variable(string name, string value, string typeName = "Object")
    {
        _variables.Add(new JsonObject { ["id"] = name, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value });
        return this;
    }

    public static JsonObject Expression(string source) =>
        new() { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = source } };

    public string ToJson(string id = "test-flow", int version = 1) => new JsonObject
    {
        ["definitionId"] = id,
        ["version"] = version,
        ["name"] = id,
        ["inputs"] = _inputs.DeepClone(),
        ["variables"] = _variables.DeepClone(),
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["id"] = "root",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    }.ToJsonString();

    /// <summary>Parses and compiles; fails the test with every problem if it does not compile.</summary>
    public CompiledWorkflow Compile()
    {
        var compilation = Check();
        Assert.True(compilation.Succeeded, string.Join(Environment.NewLine, compilation.Errors.Select(e => $"{e.JsonPointer}: {e.Message}")));
        return compilation.Workflow!;
    }

    public WorkflowCompilation Check()
    {
        var parsed = DefinitionParser.Parse(ToJson());
        Assert.True(parsed.Succeeded, string.Join(Environment.NewLine, parsed.Errors.Select(e => $"{e.JsonPointer}: {e.Message}")));
        return WorkflowCompiler.Compile(parsed.Workflow!);
    }
}
