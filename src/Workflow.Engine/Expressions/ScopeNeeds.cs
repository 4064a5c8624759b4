using System.Collections.Immutable;
using static Workflow.Engine.Expressions.ExpressionNames;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Which parts of the scope an expression can observe, derived from its read paths. An
/// expression can reach data only through the root names it mentions (it has no globalThis, this
/// or eval), so converting just those entries to JavaScript is exact, not a guess; a root read
/// as a whole (<c>Object.keys(results)</c>, <c>results[id]</c>) is converted entirely.
/// </summary>
internal sealed record ScopeNeeds(SectionNeed Inputs, SectionNeed Variables, SectionNeed Results, bool Findings, bool Item, bool Index)
{
    public static ScopeNeeds From(ImmutableArray<ExpressionPath> paths) => new(
        Section(paths, ExpressionNames.Inputs),
        Section(paths, ExpressionNames.Variables),
        Section(paths, ExpressionNames.Results),
        paths.Any(p => p.Segments[0] == ExpressionNames.Findings),
        paths.Any(p => p.Segments[0] == ExpressionNames.Item),
        paths.Any(p => p.Segments[0] == ExpressionNames.Index));

    private static SectionNeed Section(ImmutableArray<ExpressionPath> paths, string root)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var path in paths)
        {
            if (path.Segments[0] != root) continue;
            if (path.Segments.Length == 1) return SectionNeed.AllEntries;
            if (!names.Contains(path.Segments[1])) names.Add(path.Segments[1]);
        }
        return names.Count == 0 ? SectionNeed.None : new SectionNeed(false, names.ToImmutable());
    }
}

/// <summary>Either the whole section, or only the listed entries (none when empty).</summary>
internal sealed record SectionNeed(bool All, ImmutableArray<string> Names)
{
    public static readonly SectionNeed None = new(false, []);
    public static readonly SectionNeed AllEntries = new(true, []);

    public bool IsNone => !All && Names.IsEmpty;
}
