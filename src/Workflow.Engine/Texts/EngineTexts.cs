using System.Collections.Frozen;

namespace Workflow.Engine.Texts;

/// <summary>
/// The engine's sentences in English and Chinese, by key, with <c>{name}</c> placeholders. The key is stable;
/// the wording may improve. Every key has both languages (a test enumerates them).
/// </summary>
public static partial class EngineTexts
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    // The parts are properties, not fields: partial files' field initializers have no defined order.
    private static readonly FrozenDictionary<string, (string En, string Zh)> Catalog =
        Definitions.Concat(Compilation).Concat(Expressions).Concat(Gates).Concat(Guards).Append(new("text.empty", ("", "")))
            .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Every key, for the test that each has both languages.</summary>
    public static IEnumerable<string> Keys => Catalog.Keys;

    public static bool IsChinese(string culture) => culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The template of a key in a culture; an unknown key is its own text, so a missing entry shows, rather than throws.</summary>
    public static string Template(string key, string culture) =>
        Catalog.TryGetValue(key, out var texts) ? (IsChinese(culture) ? texts.Zh : texts.En) : key;

    /// <summary>Both templates of a key, or null.</summary>
    public static (string En, string Zh)? Templates(string key) => Catalog.TryGetValue(key, out var texts) ? texts : null;
}
