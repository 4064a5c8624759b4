using System.Collections.Immutable;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// Factories for whole descriptors. They turn omitted arrays into empty ones, because a default
/// <see cref="ImmutableArray{T}"/> throws when enumerated and every consumer enumerates.
/// </summary>
internal static class CatalogDescriptors
{
    private static readonly ImmutableArray<string> DoneOnly = [ActivityDescriptor.DonePort];

    // Every task can leave by Timeout; only the timer takes that port, never a person's outcome.
    private static readonly ImmutableArray<string> TimeoutOnly = [ActivityDescriptor.TimeoutPort];

    /// <summary>A task done by people: common inputs, a structured result, and Done unless told otherwise.</summary>
    public static ActivityDescriptor Task(
        string typeName, string category, LocalizedText names, LocalizedText descriptions,
        ImmutableArray<InputDescriptor> inputs, ImmutableArray<ResultFieldDescriptor> fields,
        ImmutableArray<ResultRule> rules = default, ImmutableArray<string> ports = default) =>
        new(typeName, names, descriptions, category, ActivityKind.Task,
            inputs.OrEmpty(), fields.OrEmpty(), rules.OrEmpty(), ports.IsDefault ? DoneOnly : ports, TimerPorts: TimeoutOnly);

    /// <summary>An activity the engine runs at once: no result fields.</summary>
    public static ActivityDescriptor Automatic(
        string typeName, string category, LocalizedText names, LocalizedText descriptions,
        ImmutableArray<InputDescriptor> inputs, ImmutableArray<string> ports = default, string? portsFromInput = null) =>
        new(typeName, names, descriptions, category, ActivityKind.Automatic,
            inputs.OrEmpty(), [], [], ports.IsDefault ? DoneOnly : ports, PortsFromInput: portsFromInput);
}
