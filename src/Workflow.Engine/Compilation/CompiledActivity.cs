using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Activities;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Compilation;

/// <summary>An activity with its graph neighbourhood and inputs resolved once, so a step only follows indexes.</summary>
internal sealed class CompiledActivity
{
    public required int Index { get; init; }
    public required ActivityDefinition Definition { get; init; }
    public required ActivityDescriptor Descriptor { get; init; }

    /// <summary>Outgoing connections by source port: (connection index, target activity index).</summary>
    public FrozenDictionary<string, ImmutableArray<(int Connection, int Target)>> Outgoing { get; set; } =
        FrozenDictionary<string, ImmutableArray<(int, int)>>.Empty;

    /// <summary>The indexes of the connections that arrive here (what a join waits for).</summary>
    public ImmutableArray<int> Inbound { get; set; } = [];

    /// <summary>The compiled inputs by name; literals and expressions alike.</summary>
    public FrozenDictionary<string, CompiledValue> Inputs { get; set; } = FrozenDictionary<string, CompiledValue>.Empty;

    /// <summary>For a WaitAny join: the task activities feeding only this join, cancelled when it fires.</summary>
    public ImmutableArray<int> CancelledWhenJoined { get; set; } = [];

    /// <summary>The literal inputs, recorded with each activation so the ledger shows what the task was given.</summary>
    public JsonElement LiteralInputs { get; set; }

    public string Id => Definition.Id;

    public ActivityKind Kind => Descriptor.Kind;

    public bool IsMultiInstance => Inputs.ContainsKey(InputNames.ForEach);

    public CompiledValue? Input(string name) => Inputs.GetValueOrDefault(name);

    public bool IsWaitAll =>
        Inputs.TryGetValue(InputNames.Mode, out var mode) && mode.Literal is { ValueKind: JsonValueKind.String } text && text.GetString() == "WaitAll";
}
