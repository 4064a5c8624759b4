using Workflow.Engine.Texts;
using System.Collections.Immutable;
using Workflow.Engine.Activities;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Compilation;

/// <summary>
/// Graph rules over a flowchart whose connections are already resolved: what can be reached, what
/// can finish, which loops could spin without waiting for a person, and which joins can never fire.
/// </summary>
internal sealed class FlowGraph(
    List<CompiledActivity> activities, List<ResolvedConnection> connections, int start, Dictionary<string, int> definitionIndex)
{
    private static bool TimesOut(CompiledActivity activity) =>
        activity.Input(InputNames.Timeout)?.Literal is { ValueKind: System.Text.Json.JsonValueKind.True };

    private readonly List<int>[] _next = Adjacency(activities.Count, connections, forward: true);
    private readonly List<int>[] _previous = Adjacency(activities.Count, connections, forward: false);

    public void Check(List<ValidationError> errors)
    {
        var reachable = Reach(start, _next);
        var finishing = new bool[activities.Count];
        foreach (var end in activities.Where(a => a.Kind == ActivityKind.End))
            Mark(end.Index, _previous, finishing);

        foreach (var activity in activities)
        {
            if (!reachable[activity.Index])
                errors.Add(Error(ValidationCodes.ActivityUnreachable,
                    EngineText.Of("activity.unreachable", ("activityId", activity.Id)), activity));
            else if (!finishing[activity.Index])
                errors.Add(Error(ValidationCodes.ActivityDeadEnd,
                    EngineText.Of("activity.dead_end", ("activityId", activity.Id)), activity));
            // A task's Timeout port is taken only with the timeout option: then it must be connected, else it must not be.
            var timesOut = TimesOut(activity);
            foreach (var port in ConnectionResolver.Ports(activity))
            {
                var timerPort = !activity.Descriptor.TimerPorts.IsDefaultOrEmpty && activity.Descriptor.TimerPorts.Contains(port);
                if (timerPort && !timesOut)
                {
                    if (activity.Outgoing.ContainsKey(port))
                        errors.Add(Error(ValidationCodes.ActivityInputInvalid,
                            EngineText.Of("activity.timeout_port_unused", ("port", port), ("activityId", activity.Id)), activity));
                    continue;
                }
                if (!activity.Outgoing.ContainsKey(port))
                    errors.Add(Error(ValidationCodes.ActivityDeadEnd,
                        EngineText.Of("activity.port_unconnected", ("port", port), ("activityId", activity.Id)), activity));
            }
        }
        CheckAutomaticLoops(errors);
        var cyclic = CyclicActivities();
        foreach (var join in activities.Where(a => a.Descriptor.TypeName == "Elsa.FlowJoin"))
            CheckJoin(join, cyclic, errors);
    }

    private void CheckAutomaticLoops(List<ValidationError> errors)
    {
        foreach (var component in StronglyConnected(a => a.Kind == ActivityKind.Automatic))
        {
            var first = activities[component.Min()];
            var names = string.Join(" → ", component.Order().Select(i => activities[i].Id));
            errors.Add(Error(ValidationCodes.LoopWithoutTask,
                EngineText.Of("flow.loop_without_task", ("loop", names)), first));
        }
    }

    private void CheckJoin(CompiledActivity join, bool[] cyclic, List<ValidationError> errors)
    {
        if (join.Inbound.IsEmpty)
        {
            errors.Add(Error(ValidationCodes.JoinNeverFires, EngineText.Of("join.no_inbound", ("joinId", join.Id)), join));
            return;
        }
        if (!join.IsWaitAll) return;
        var required = new ChoiceAnalysis(activities, connections, start).EdgeChoices();
        var inbound = connections.Where(c => c.Target == join.Index).ToList();
        for (var a = 0; a < inbound.Count; a++)
        for (var b = a + 1; b < inbound.Count; b++)
        {
            foreach (var (chooser, port) in required[inbound[a].Index])
            {
                // A chooser inside a loop can take one port now and the other later, so only a
                // chooser outside every loop makes the branches truly exclusive.
                if (cyclic[chooser]) continue;
                var other = required[inbound[b].Index].FirstOrDefault(c => c.Chooser == chooser && c.Port != port);
                if (other.Port is null) continue;
                errors.Add(Error(ValidationCodes.JoinNeverFires,
                    EngineText.Of("join.exclusive_branches", ("joinId", join.Id), ("first", activities[inbound[a].Source].Id), ("chooser", activities[chooser].Id),
                        ("port", port), ("second", activities[inbound[b].Source].Id), ("otherPort", other.Port)),
                    join));
                return;
            }
        }
    }

    /// <summary>For each WaitAny join: the tasks that feed only the join, to cancel when it fires.</summary>
    public static void PlanWaitAnyCancellation(List<CompiledActivity> activities, List<ResolvedConnection> connections)
    {
        var next = Adjacency(activities.Count, connections, forward: true);
        var previous = Adjacency(activities.Count, connections, forward: false);
        foreach (var join in activities.Where(a => a.Descriptor.TypeName == "Elsa.FlowJoin" && !a.IsWaitAll))
        {
            var upstream = Reach(join.Index, previous);
            var downstream = Reach(join.Index, next);
            join.CancelledWhenJoined = [.. activities
                .Where(a => a.Kind == ActivityKind.Task && upstream[a.Index] && !downstream[a.Index])
                .Select(a => a.Index)];
        }
    }

    private bool[] CyclicActivities()
    {
        var cyclic = new bool[activities.Count];
        foreach (var component in StronglyConnected(_ => true))
            foreach (var index in component) cyclic[index] = true;
        return cyclic;
    }

    /// <summary>Tarjan's algorithm over the activities that pass the filter; yields only real cycles.</summary>
    private List<List<int>> StronglyConnected(Func<CompiledActivity, bool> include)
    {
        var index = new int[activities.Count];
        var low = new int[activities.Count];
        var onStack = new bool[activities.Count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var counter = 0;

        void Visit(int v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            foreach (var w in _next[v].Where(w => include(activities[w])))
            {
                if (index[w] < 0)
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<int>();
            int popped;
            do
            {
                popped = stack.Pop();
                onStack[popped] = false;
                component.Add(popped);
            } while (popped != v);
            if (component.Count > 1 || _next[v].Contains(v)) components.Add(component);
        }

        foreach (var activity in activities.Where(include))
            if (index[activity.Index] < 0) Visit(activity.Index);
        return components;
    }

    private static List<int>[] Adjacency(int count, List<ResolvedConnection> connections, bool forward)
    {
        var lists = new List<int>[count];
        for (var i = 0; i < count; i++) lists[i] = [];
        foreach (var c in connections)
        {
            if (forward) lists[c.Source].Add(c.Target);
            else lists[c.Target].Add(c.Source);
        }
        return lists;
    }

    private static bool[] Reach(int from, List<int>[] edges)
    {
        var seen = new bool[edges.Length];
        Mark(from, edges, seen);
        return seen;
    }

    private static void Mark(int from, List<int>[] edges, bool[] seen)
    {
        var work = new Stack<int>();
        work.Push(from);
        while (work.Count > 0)
        {
            var node = work.Pop();
            if (seen[node]) continue;
            seen[node] = true;
            foreach (var next in edges[node]) work.Push(next);
        }
    }

    private ValidationError Error(string code, EngineText text, CompiledActivity activity) =>
        new(code, text, $"/root/activities/{definitionIndex[activity.Id]}", activity.Id);
}
