using System.Collections.Immutable;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>The gated tasks of one phase: an Elsa-shaped flowchart definition, as read from JSON.</summary>
public sealed record PhaseWorkflowDefinition(
    DefinitionIdentity Identity,
    string Name,
    string? Description,
    LocalizedText DisplayNames,
    ImmutableArray<InputDefinition> Inputs,
    ImmutableArray<VariableDefinition> Variables,
    FlowchartDefinition Root);

/// <summary>The flowchart at the root of a phase workflow.</summary>
public sealed record FlowchartDefinition(string Id, ImmutableArray<ActivityDefinition> Activities, ImmutableArray<ConnectionDefinition> Connections);

/// <summary>One activity: its id, type, display data and the inputs given to it.</summary>
public sealed record ActivityDefinition(
    string Id,
    string Type,
    string? Name,
    LocalizedText DisplayNames,
    DesignerPosition? Position,
    ImmutableDictionary<string, InputValue> Inputs);

/// <summary>Where the designer drew the activity.</summary>
public sealed record DesignerPosition(double X, double Y);

/// <summary>A connection from an activity's outbound port to another activity's inbound port.</summary>
public sealed record ConnectionDefinition(Endpoint Source, Endpoint Target);

/// <summary>One end of a connection.</summary>
public sealed record Endpoint(string Activity, string Port);

/// <summary>An Elsa-shaped workflow variable; <see cref="Value"/> is the initial value as JSON text, as in Elsa.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, bool IsArray, string? Value);
