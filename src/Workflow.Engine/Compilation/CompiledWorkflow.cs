using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Definitions;
using Workflow.Engine.Expressions;

namespace Workflow.Engine.Compilation;

/// <summary>
/// A phase workflow checked and compiled once: activities by index, connections resolved, every
/// expression prepared. The interpreter needs nothing else, and does no parsing per step.
/// </summary>
public sealed class CompiledWorkflow
{
    internal CompiledWorkflow(
        PhaseWorkflowDefinition definition,
        ImmutableArray<CompiledActivity> activities,
        int start,
        ExpressionContext context,
        FrozenDictionary<string, JsonElement> initialVariables,
        FrozenDictionary<int, string> connectionSources)
    {
        ConnectionSources = connectionSources;
        Definition = definition;
        Activities = activities;
        Start = start;
        Context = context;
        InitialVariables = initialVariables;
        ActivityIndex = activities.ToFrozenDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);
    }

    public PhaseWorkflowDefinition Definition { get; }

    public DefinitionIdentity Identity => Definition.Identity;

    /// <summary>What expressions in this workflow (and gates over it) may read.</summary>
    public ExpressionContext Context { get; }

    internal ImmutableArray<CompiledActivity> Activities { get; }

    internal FrozenDictionary<string, int> ActivityIndex { get; }

    internal int Start { get; }

    internal FrozenDictionary<string, JsonElement> InitialVariables { get; }

    /// <summary>The source activity of each connection, by connection index.</summary>
    internal FrozenDictionary<int, string> ConnectionSources { get; }

    internal CompiledActivity? Find(string activityId) =>
        ActivityIndex.TryGetValue(activityId, out var index) ? Activities[index] : null;

    /// <summary>An activity of the definition by id, from the index built at compilation (no scan).</summary>
    public ActivityDefinition? FindActivity(string activityId) => Find(activityId)?.Definition;
}
