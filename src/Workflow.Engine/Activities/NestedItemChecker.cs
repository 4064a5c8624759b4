using System.Collections.Immutable;
using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>
/// Checks the items of documents and findings arrays. Items are small fixed-shape objects, so
/// their properties are matched by a linear search of a handful of names, not a dictionary.
/// A null property counts as absent, as at the top level.
/// </summary>
internal static class NestedItemChecker
{
    public static bool Documents(string field, string pointer, JsonElement array, ResultProblems problems)
    {
        var ok = true;
        var index = 0;
        Span<bool> seen = stackalloc bool[ValueFormats.DocumentProperties.Length];
        Span<bool> given = stackalloc bool[ValueFormats.DocumentProperties.Length];
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{pointer}/{index}";
            var label = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                ok = problems.WrongType(at, label, "document", "a document object with uri and sha256", item);
                continue;
            }
            seen.Clear();
            given.Clear();
            foreach (var property in item.EnumerateObject())
            {
                var known = Match(property, ValueFormats.DocumentProperties, at, label, problems, seen, given, ref ok);
                if (known < 0) continue;
                var (path, name, value) = (at + "/" + property.Name, label + "." + property.Name, property.Value);
                ok &= known switch
                {
                    0 => RequiredString(path, name, value, problems),
                    1 => value.ValueKind == JsonValueKind.String && ValueFormats.IsSha256(value.GetString()!)
                        || problems.WrongType(path, name, "sha256", "64 hexadecimal characters", value),
                    _ => OptionalString(path, name, value, problems),
                };
            }
            if (!given[0]) ok = problems.Required(at + "/uri", label + ".uri");
            if (!given[1]) ok = problems.Required(at + "/sha256", label + ".sha256");
        }
        return ok;
    }

    public static bool Findings(string field, string pointer, JsonElement array, ResultProblems problems)
    {
        var ok = true;
        var index = 0;
        Span<bool> seen = stackalloc bool[ValueFormats.FindingProperties.Length];
        Span<bool> given = stackalloc bool[ValueFormats.FindingProperties.Length];
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{pointer}/{index}";
            var label = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                ok = problems.WrongType(at, label, "finding", "a finding object with a title", item);
                continue;
            }
            seen.Clear();
            given.Clear();
            foreach (var property in item.EnumerateObject())
            {
                var known = Match(property, ValueFormats.FindingProperties, at, label, problems, seen, given, ref ok);
                if (known < 0) continue;
                var (path, name, value) = (at + "/" + property.Name, label + "." + property.Name, property.Value);
                ok &= property.Name switch
                {
                    "title" => RequiredString(path, name, value, problems),
                    "kind" => value.ValueKind == JsonValueKind.String && ValueFormats.IsFindingKind(value.GetString())
                        || problems.WrongType(path, name, "findingKind", "one of opinion, problem, suggestion", value),
                    "deadline" => FieldValueChecker.CheckDate(path, name, value, problems),
                    _ => OptionalString(path, name, value, problems),
                };
            }
            if (!given[0]) ok = problems.Required(at + "/title", label + ".title");
        }
        return ok;
    }

    /// <summary>
    /// The index of a known, first-seen, non-null property, or -1 (reporting unknown and repeated
    /// names). Marks it seen, and given unless it is null.
    /// </summary>
    private static int Match(JsonProperty property, ImmutableArray<string> names, string pointer, string label,
        ResultProblems problems, Span<bool> seen, Span<bool> given, ref bool ok)
    {
        var at = names.IndexOf(property.Name, StringComparer.Ordinal);
        if (at < 0)
        {
            ok = problems.Unknown(pointer + ResultProblems.Pointer(property.Name), property.Name, label);
            return -1;
        }
        if (seen[at])
        {
            ok = problems.Duplicate(pointer + "/" + property.Name, $"{label}.{property.Name}");
            return -1;
        }
        seen[at] = true;
        if (property.Value.ValueKind == JsonValueKind.Null) return -1;
        given[at] = true;
        return at;
    }

    private static bool RequiredString(string pointer, string label, JsonElement value, ResultProblems problems)
    {
        if (value.ValueKind != JsonValueKind.String) return problems.WrongType(pointer, label, "string", "a string", value);
        return !string.IsNullOrWhiteSpace(value.GetString()) || problems.Required(pointer, label);
    }

    private static bool OptionalString(string pointer, string label, JsonElement value, ResultProblems problems) =>
        value.ValueKind == JsonValueKind.String || problems.WrongType(pointer, label, "string", "a string", value);
}
