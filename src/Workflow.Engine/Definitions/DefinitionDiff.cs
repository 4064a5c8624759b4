using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflow.Engine.Canonical;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>
/// One structural difference between two versions of a definition. <see cref="Path"/> locates it
/// ("activities/draftReport/inputs/assignee", "phases/study/gates/summaryApproved"); <see cref="Before"/>
/// and <see cref="After"/> are short texts (a JSON literal, an expression's source, a type name).
/// </summary>
/// <param name="Category">What changed: activity, activityInput, connection, input, variable, phase, gate, output, workflowReference, definition.</param>
/// <param name="Change">added, removed, changed or reordered (layout-only changes are in <see cref="DefinitionDiff.Layout"/> as moved).</param>
public sealed record DefinitionChange(string Category, string Change, string Path, string? Id, string? Field, string? Before, string? After);

/// <summary>
/// The structural difference between two versions of a phase workflow or a campaign template:
/// pure, with no I/O. Designer positions are reported apart from the meaningful changes, as <see cref="Layout"/>.
/// </summary>
public sealed record DefinitionDiff(ImmutableArray<DefinitionChange> Changes, ImmutableArray<DefinitionChange> Layout)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";
    public const string Reordered = "reordered";
    public const string Moved = "moved";

    public bool IsEmpty => Changes.IsEmpty && Layout.IsEmpty;

    /// <summary>The difference from <paramref name="from"/> to <paramref name="to"/>, two phase workflows.</summary>
    public static DefinitionDiff Of(PhaseWorkflowDefinition from, PhaseWorkflowDefinition to)
    {
        var changes = new List<DefinitionChange>();
        var layout = new List<DefinitionChange>();
        Scalar(changes, "definition", "", null, "name", from.Name, to.Name);
        Scalar(changes, "definition", "", null, "description", from.Description, to.Description);
        Scalar(changes, "definition", "", null, "displayNames", Text(from.DisplayNames), Text(to.DisplayNames));
        Inputs(changes, "input", "inputs", from.Inputs, to.Inputs);
        Variables(changes, from.Variables, to.Variables);

        var before = from.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var after = to.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var a in from.Root.Activities.Where(a => !after.ContainsKey(a.Id)))
            changes.Add(new("activity", Removed, $"activities/{a.Id}", a.Id, null, a.Type, null));
        foreach (var a in to.Root.Activities.Where(a => !before.ContainsKey(a.Id)))
            changes.Add(new("activity", Added, $"activities/{a.Id}", a.Id, null, null, a.Type));
        foreach (var b in to.Root.Activities.Where(a => before.ContainsKey(a.Id)))
        {
            var a = before[b.Id];
            var path = $"activities/{a.Id}";
            Scalar(changes, "activity", path, a.Id, "type", a.Type, b.Type);
            Scalar(changes, "activity", path, a.Id, "name", a.Name, b.Name);
            Scalar(changes, "activity", path, a.Id, "displayNames", Text(a.DisplayNames), Text(b.DisplayNames));
            foreach (var name in a.Inputs.Keys.Union(b.Inputs.Keys).Order(StringComparer.Ordinal))
            {
                var old = a.Inputs.TryGetValue(name, out var x) ? Value(x) : null;
                var @new = b.Inputs.TryGetValue(name, out var y) ? Value(y) : null;
                if (old == @new) continue;
                changes.Add(new("activityInput", old is null ? Added : @new is null ? Removed : Changed, $"{path}/inputs/{name}", a.Id, name, old, @new));
            }
            var oldPosition = Position(a.Position);
            var newPosition = Position(b.Position);
            if (oldPosition != newPosition) layout.Add(new("activity", Moved, $"{path}/position", a.Id, "position", oldPosition, newPosition));
        }

        var oldConnections = from.Root.Connections.Select(Connection).ToHashSet(StringComparer.Ordinal);
        var newConnections = to.Root.Connections.Select(Connection).ToHashSet(StringComparer.Ordinal);
        foreach (var c in oldConnections.Where(c => !newConnections.Contains(c)).Order(StringComparer.Ordinal))
            changes.Add(new("connection", Removed, $"connections/{c}", c, null, c, null));
        foreach (var c in newConnections.Where(c => !oldConnections.Contains(c)).Order(StringComparer.Ordinal))
            changes.Add(new("connection", Added, $"connections/{c}", c, null, null, c));
        return new DefinitionDiff([.. changes], [.. layout]);
    }

    /// <summary>The difference from <paramref name="from"/> to <paramref name="to"/>, two campaign templates.</summary>
    public static DefinitionDiff Of(CampaignTemplate from, CampaignTemplate to)
    {
        var changes = new List<DefinitionChange>();
        Scalar(changes, "definition", "", null, "name", from.Name, to.Name);
        Scalar(changes, "definition", "", null, "description", from.Description, to.Description);
        Scalar(changes, "definition", "", null, "displayNames", Text(from.DisplayNames), Text(to.DisplayNames));
        Inputs(changes, "input", "inputs", from.Inputs, to.Inputs);
        Inputs(changes, "variable", "variables", from.Variables, to.Variables);

        var before = from.Phases.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var after = to.Phases.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var p in from.Phases.Where(p => !after.ContainsKey(p.Id)))
            changes.Add(new("phase", Removed, $"phases/{p.Id}", p.Id, null, p.Workflow.ToString(), null));
        foreach (var p in to.Phases.Where(p => !before.ContainsKey(p.Id)))
            changes.Add(new("phase", Added, $"phases/{p.Id}", p.Id, null, null, p.Workflow.ToString()));
        var oldOrder = from.Phases.Where(p => after.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        var newOrder = to.Phases.Where(p => before.ContainsKey(p.Id)).Select(p => p.Id).ToList();
        if (!oldOrder.SequenceEqual(newOrder, StringComparer.Ordinal))
            changes.Add(new("phase", Reordered, "phases", null, "order", string.Join(",", oldOrder), string.Join(",", newOrder)));

        foreach (var b in to.Phases.Where(p => before.ContainsKey(p.Id)))
        {
            var a = before[b.Id];
            var path = $"phases/{a.Id}";
            Scalar(changes, "phase", path, a.Id, "name", a.Name, b.Name);
            Scalar(changes, "phase", path, a.Id, "displayNames", Text(a.DisplayNames), Text(b.DisplayNames));
            if (a.Workflow != b.Workflow)
                changes.Add(new("workflowReference", Changed, $"{path}/workflow", a.Id, "workflow", a.Workflow.ToString(), b.Workflow.ToString()));

            var oldGates = a.ExitGates.ToDictionary(g => g.Id, StringComparer.Ordinal);
            var newGates = b.ExitGates.ToDictionary(g => g.Id, StringComparer.Ordinal);
            foreach (var g in a.ExitGates.Where(g => !newGates.ContainsKey(g.Id)))
                changes.Add(new("gate", Removed, $"{path}/gates/{g.Id}", g.Id, "condition", Value(g.Condition), null));
            foreach (var g in b.ExitGates.Where(g => !oldGates.ContainsKey(g.Id)))
                changes.Add(new("gate", Added, $"{path}/gates/{g.Id}", g.Id, "condition", null, Value(g.Condition)));
            foreach (var g in b.ExitGates.Where(g => oldGates.ContainsKey(g.Id)))
            {
                var old = oldGates[g.Id];
                var gatePath = $"{path}/gates/{g.Id}";
                Scalar(changes, "gate", gatePath, g.Id, "condition", Value(old.Condition), Value(g.Condition));
                Scalar(changes, "gate", gatePath, g.Id, "name", old.Name, g.Name);
                Scalar(changes, "gate", gatePath, g.Id, "description", old.Description, g.Description);
                Scalar(changes, "gate", gatePath, g.Id, "descriptions", Text(old.Descriptions), Text(g.Descriptions));
            }

            foreach (var name in a.Outputs.Keys.Union(b.Outputs.Keys).Order(StringComparer.Ordinal))
            {
                var old = a.Outputs.TryGetValue(name, out var x) ? Value(x) : null;
                var @new = b.Outputs.TryGetValue(name, out var y) ? Value(y) : null;
                if (old == @new) continue;
                changes.Add(new("output", old is null ? Added : @new is null ? Removed : Changed, $"{path}/outputs/{name}", a.Id, name, old, @new));
            }
        }
        return new DefinitionDiff([.. changes], []);
    }

    private static void Inputs(List<DefinitionChange> changes, string category, string prefix, ImmutableArray<InputDefinition> from, ImmutableArray<InputDefinition> to)
    {
        var before = from.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var after = to.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var i in from.Where(i => !after.ContainsKey(i.Name)))
            changes.Add(new(category, Removed, $"{prefix}/{i.Name}", i.Name, null, DataTypes.ToName(i.Type), null));
        foreach (var i in to.Where(i => !before.ContainsKey(i.Name)))
            changes.Add(new(category, Added, $"{prefix}/{i.Name}", i.Name, null, null, DataTypes.ToName(i.Type)));
        foreach (var b in to.Where(i => before.ContainsKey(i.Name)))
        {
            var a = before[b.Name];
            var path = $"{prefix}/{a.Name}";
            Scalar(changes, category, path, a.Name, "type", DataTypes.ToName(a.Type), DataTypes.ToName(b.Type));
            Scalar(changes, category, path, a.Name, "required", Bool(a.Required), Bool(b.Required));
            Scalar(changes, category, path, a.Name, "default", Json(a.Default), Json(b.Default));
            Scalar(changes, category, path, a.Name, "minimum", Number(a.Minimum), Number(b.Minimum));
            Scalar(changes, category, path, a.Name, "maximum", Number(a.Maximum), Number(b.Maximum));
            Scalar(changes, category, path, a.Name, "description", a.Description, b.Description);
        }
    }

    private static void Variables(List<DefinitionChange> changes, ImmutableArray<VariableDefinition> from, ImmutableArray<VariableDefinition> to)
    {
        var before = from.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var after = to.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var v in from.Where(v => !after.ContainsKey(v.Name)))
            changes.Add(new("variable", Removed, $"variables/{v.Name}", v.Name, null, TypeOf(v), null));
        foreach (var v in to.Where(v => !before.ContainsKey(v.Name)))
            changes.Add(new("variable", Added, $"variables/{v.Name}", v.Name, null, null, TypeOf(v)));
        foreach (var b in to.Where(v => before.ContainsKey(v.Name)))
        {
            var a = before[b.Name];
            Scalar(changes, "variable", $"variables/{a.Name}", a.Name, "type", TypeOf(a), TypeOf(b));
            Scalar(changes, "variable", $"variables/{a.Name}", a.Name, "value", a.Value, b.Value);
        }
    }

    private static void Scalar(List<DefinitionChange> changes, string category, string path, string? id, string field, string? before, string? after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return;
        changes.Add(new(category, Changed, path.Length == 0 ? field : $"{path}/{field}", id, field, before, after));
    }

    private static string TypeOf(VariableDefinition v) => v.IsArray ? v.TypeName + "[]" : v.TypeName;

    private static string Connection(ConnectionDefinition c) => $"{c.Source.Activity}.{c.Source.Port}->{c.Target.Activity}.{c.Target.Port}";

    private static string? Position(DesignerPosition? p) =>
        p is null ? null : string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}");

    private static string? Text(LocalizedText text) =>
        text.Texts.Count == 0 ? null : string.Join("; ", text.Texts.Select(t => $"{t.Key}: {t.Value}"));

    /// <summary>A literal as canonical JSON; an expression as its language and source.</summary>
    internal static string Value(InputValue value) => value switch
    {
        LiteralValue l => JsonCanonicalizer.CanonicalizeToString(l.Value),
        ExpressionValue e => $"{e.Language}: {e.Source}",
        _ => value.ToString()!,
    };

    private static string? Json(JsonElement? value) => value is { } v ? JsonCanonicalizer.CanonicalizeToString(v) : null;

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
