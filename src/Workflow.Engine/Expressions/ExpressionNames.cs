using System.Collections.Frozen;

namespace Workflow.Engine.Expressions;

/// <summary>The fixed name lists expressions are checked against, with the reasons given to people.</summary>
internal static class ExpressionNames
{
    public const string Inputs = "inputs";
    public const string Variables = "variables";
    public const string Results = "results";
    public const string Findings = "findings";
    public const string Item = "item";
    public const string Index = "index";

    /// <summary>The field every activity result has, whatever its type.</summary>
    public const string OutcomeField = "outcome";

    /// <summary>The names rooted at which the engine supplies data (item and index only in a multi-instance activity).</summary>
    public static readonly FrozenSet<string> Roots = FrozenSet.Create(StringComparer.Ordinal, Inputs, Variables, Results, Findings, Item, Index);

    /// <summary>Pure JavaScript built-ins: no clock, no chance, no I/O, no code from strings.</summary>
    public static readonly FrozenSet<string> AllowedGlobals = FrozenSet.Create(StringComparer.Ordinal,
        "Math", "Number", "String", "Boolean", "Array", "Object", "JSON",
        "isNaN", "isFinite", "parseInt", "parseFloat", "undefined", "NaN", "Infinity");

    /// <summary>Globals that exist in JavaScript but are refused, with why (completing "'X' is not allowed: ...").</summary>
    public static readonly FrozenDictionary<string, string> ForbiddenGlobals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eval"] = "it runs code built from a string",
        ["Function"] = "it builds code from a string",
        ["Date"] = "it reads the clock, so the result would change from one run to the next; use a date input or result field",
        ["globalThis"] = "it exposes the whole global scope",
        ["Reflect"] = "it can reach and change JavaScript internals",
        ["Proxy"] = "it can intercept and change how objects behave",
        ["WebAssembly"] = "it runs compiled code",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Member names that lead to constructors and prototypes: the classic sandbox escape (<c>x.constructor.constructor('...')</c>).</summary>
    public static readonly FrozenSet<string> ForbiddenMembers = FrozenSet.Create(StringComparer.Ordinal, "constructor", "__proto__", "prototype");

    /// <summary>The closest candidate within a small edit distance, to suggest for a typo.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(1, Math.Min(3, name.Length / 3)) + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    // Edit distance counting a swap of neighbours as one edit ("JSNO" -> "JSON"), case-insensitive
    // so "Inputs" suggests "inputs". Names are short, so a full table is fine.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static bool Same(char x, char y) => char.ToLowerInvariant(x) == char.ToLowerInvariant(y);
}
