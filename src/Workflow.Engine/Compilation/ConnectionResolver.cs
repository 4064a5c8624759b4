using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Workflow.Engine.Activities;
using Workflow.Engine.Definitions;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Compilation;

/// <summary>A connection whose ends are known activities and ports.</summary>
internal sealed record ResolvedConnection(int Index, int Source, string Port, int Target);

/// <summary>Checks every connection's ends and ports, and wires the activities' outgoing and inbound lists.</summary>
internal static class ConnectionResolver
{
    public static List<ResolvedConnection> Resolve(
        PhaseWorkflowDefinition definition, Dictionary<string, CompiledActivity> byId, HashSet<string> knownIds, List<ValidationError> errors)
    {
        var resolved = new List<ResolvedConnection>();
        var seen = new HashSet<(string, string, string, string)>();
        for (var i = 0; i < definition.Root.Connections.Length; i++)
        {
            var connection = definition.Root.Connections[i];
            var pointer = $"/root/connections/{i}";
            var reference = new ConnectionRef(connection.Source.Activity, connection.Source.Port, connection.Target.Activity, connection.Target.Port);
            if (!seen.Add((reference.Source, reference.SourcePort, reference.Target, reference.TargetPort)))
            {
                errors.Add(new ValidationError(ValidationCodes.ConnectionDuplicate,
                    EngineText.Of("connection.duplicate", ("connection", Describe(reference))), pointer, null, reference));
                continue;
            }
            var source = End(connection.Source.Activity, "source", pointer, reference, byId, knownIds, errors);
            var target = End(connection.Target.Activity, "target", pointer, reference, byId, knownIds, errors);
            if (source is null || target is null) continue;

            var ports = Ports(source);
            if (!ports.Contains(connection.Source.Port))
            {
                errors.Add(new ValidationError(ValidationCodes.ConnectionPortUnknown,
                    EngineText.Of("connection.source_port_unknown", ("activityId", source.Id), ("type", source.Descriptor.TypeName), ("port", connection.Source.Port), ("ports", Join(ports))),
                    $"{pointer}/source/port", source.Id, reference));
                continue;
            }
            if (!target.Descriptor.HasInboundPort || connection.Target.Port != ActivityDescriptor.InPort)
            {
                var message = target.Descriptor.HasInboundPort
                    ? EngineText.Of("connection.target_port_not_in", ("activityId", target.Id), ("port", connection.Target.Port))
                    : EngineText.Of("connection.target_no_inbound", ("activityId", target.Id), ("type", target.Descriptor.TypeName));
                errors.Add(new ValidationError(ValidationCodes.ConnectionPortUnknown, message, $"{pointer}/target/port", target.Id, reference));
                continue;
            }
            resolved.Add(new ResolvedConnection(i, source.Index, connection.Source.Port, target.Index));
        }
        Wire(byId.Values, resolved);
        return resolved;
    }

    /// <summary>The outbound ports of an activity: its descriptor's, or a fork's branch names.</summary>
    public static IReadOnlyList<string> Ports(CompiledActivity activity)
    {
        if (activity.Descriptor.PortsFromInput is not { } input)
            return activity.Descriptor.TimerPorts.IsDefaultOrEmpty
                ? activity.Descriptor.OutboundPorts
                : [.. activity.Descriptor.OutboundPorts, .. activity.Descriptor.TimerPorts];
        return activity.Input(input)?.Literal is { ValueKind: System.Text.Json.JsonValueKind.Array } names
            ? names.EnumerateArray().Where(n => n.ValueKind == System.Text.Json.JsonValueKind.String).Select(n => n.GetString()!).ToList()
            : [];
    }

    private static CompiledActivity? End(
        string id, string which, string pointer, ConnectionRef reference,
        Dictionary<string, CompiledActivity> byId, HashSet<string> knownIds, List<ValidationError> errors)
    {
        if (byId.TryGetValue(id, out var activity)) return activity;
        // An activity that exists but failed its own checks was reported already; don't pile a dangling error on it.
        if (!knownIds.Contains(id))
            errors.Add(new ValidationError(ValidationCodes.ConnectionDangling,
                EngineText.Of("connection.dangling", ("connection", Describe(reference)), ("which", EngineText.Of("noun." + which)), ("id", id)),
                $"{pointer}/{which}/activity", null, reference));
        return null;
    }

    private static void Wire(IEnumerable<CompiledActivity> activities, List<ResolvedConnection> connections)
    {
        foreach (var activity in activities)
        {
            activity.Outgoing = connections.Where(c => c.Source == activity.Index)
                .GroupBy(c => c.Port, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.Select(c => (c.Index, c.Target)).ToImmutableArray(), StringComparer.Ordinal);
            activity.Inbound = [.. connections.Where(c => c.Target == activity.Index).Select(c => c.Index)];
        }
    }

    private static string Describe(ConnectionRef c) => $"{c.Source}.{c.SourcePort} → {c.Target}.{c.TargetPort}";

    private static string Join(IReadOnlyList<string> ports) => ports.Count == 0 ? "(none)" : string.Join(", ", ports);
}
