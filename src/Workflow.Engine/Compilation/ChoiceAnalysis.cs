using System.Collections.Immutable;

namespace Workflow.Engine.Compilation;

/// <summary>
/// Which exclusive choices (an activity leaving by one of several ports) every path to a
/// connection must have made. A forward data-flow over the graph, intersecting at merges.
/// </summary>
internal sealed class ChoiceAnalysis(List<CompiledActivity> activities, List<ResolvedConnection> connections, int start)
{
    /// <summary>By connection index: the (chooser, port) pairs every path through that connection took.</summary>
    public Dictionary<int, ImmutableHashSet<(int Chooser, string Port)>> EdgeChoices()
    {
        // null stands for "not reached yet" (the universal set), so intersections start from the first path found.
        var atNode = new ImmutableHashSet<(int, string)>?[activities.Count];
        atNode[start] = [];
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var activity in activities)
            {
                if (activity.Index == start) continue;
                ImmutableHashSet<(int, string)>? meet = null;
                foreach (var c in connections.Where(c => c.Target == activity.Index))
                {
                    if (Along(c, atNode) is not { } along) continue;
                    meet = meet is null ? along : meet.Intersect(along);
                }
                if (meet is null || (atNode[activity.Index] is { } old && old.SetEquals(meet))) continue;
                atNode[activity.Index] = meet;
                changed = true;
            }
        }
        return connections.ToDictionary(c => c.Index, c => Along(c, atNode) ?? []);
    }

    private ImmutableHashSet<(int, string)>? Along(ResolvedConnection connection, ImmutableHashSet<(int, string)>?[] atNode)
    {
        if (atNode[connection.Source] is not { } before) return null;
        var source = activities[connection.Source];
        var exclusive = source.Descriptor.PortsFromInput is null && source.Descriptor.OutboundPorts.Length > 1;
        return exclusive ? before.Add((connection.Source, connection.Port)) : before;
    }
}
