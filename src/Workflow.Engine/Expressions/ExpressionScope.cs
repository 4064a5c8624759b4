using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Expressions;

/// <summary>The data an expression is evaluated against, as stored by the engine (JSON).</summary>
/// <param name="Results">Latest results by activity id (an array for a multi-instance activity).</param>
/// <param name="Findings">Findings recorded so far in the phase.</param>
/// <param name="Item">The current element, inside a multi-instance activity.</param>
/// <param name="Index">The current element's position, inside a multi-instance activity.</param>
public sealed record ExpressionScope(
    IReadOnlyDictionary<string, JsonElement> Inputs,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyDictionary<string, JsonElement> Results,
    ImmutableArray<JsonElement> Findings,
    JsonElement? Item = null,
    int? Index = null)
{
    /// <summary>
    /// Resolves a path against the data directly, without running JavaScript, to report "the
    /// values a gate saw" (see <see cref="CompiledExpression.ReadPaths"/>). <c>length</c> on an array
    /// or a string gives its length and a numeric segment indexes an array.
    /// </summary>
    /// <returns>False if any segment is missing.</returns>
    public bool TryResolve(ExpressionPath path, out JsonElement value)
    {
        value = default;
        if (path is null || path.Segments.IsDefaultOrEmpty) return false;
        var segments = path.Segments;
        JsonElement current;
        var next = 2;
        switch (segments[0])
        {
            case "inputs": if (!TryRoot(Inputs, segments, out current)) return false; break;
            case "variables": if (!TryRoot(Variables, segments, out current)) return false; break;
            case "results": if (!TryRoot(Results, segments, out current)) return false; break;
            case "findings":
                current = JsonValues.Array(Findings.IsDefault ? [] : Findings);
                next = 1;
                break;
            case "item":
                if (Item is not { } item) return false;
                current = item;
                next = 1;
                break;
            case "index":
                if (Index is not { } index) return false;
                current = JsonValues.From(index);
                next = 1;
                break;
            default:
                return false;
        }

        for (var i = next; i < segments.Length; i++)
            if (!TryStep(current, segments[i], out current)) return false;
        value = current;
        return true;
    }

    // A root alone resolves to the whole section as an object; otherwise to one entry of it.
    private static bool TryRoot(IReadOnlyDictionary<string, JsonElement>? section, ImmutableArray<string> segments, out JsonElement value)
    {
        value = default;
        if (section is null) return false;
        if (segments.Length == 1)
        {
            value = JsonValues.Object(section);
            return true;
        }
        return section.TryGetValue(segments[1], out value);
    }

    private static bool TryStep(JsonElement current, string segment, out JsonElement value)
    {
        value = default;
        switch (current.ValueKind)
        {
            case JsonValueKind.Object:
                return current.TryGetProperty(segment, out value);
            case JsonValueKind.Array when segment == "length":
                value = JsonValues.From(current.GetArrayLength());
                return true;
            case JsonValueKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                if (index >= current.GetArrayLength()) return false;
                value = current[index];
                return true;
            case JsonValueKind.String when segment == "length":
                // UTF-16 code units, as JavaScript counts them.
                value = JsonValues.From(current.GetString()!.Length);
                return true;
            default:
                return false;
        }
    }
}
