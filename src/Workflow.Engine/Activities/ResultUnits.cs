using System.Collections.Frozen;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// The words for the units of the catalog's counts ("people", "forms"), for a form to show beside
/// a number field in the page's language. The descriptor keeps the stable key; the ratio unit has
/// no word, since a client shows a ratio as a percentage.
/// </summary>
public static class ResultUnits
{
    public static FrozenDictionary<string, LocalizedText> DisplayNames { get; } =
        new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
        {
            ["people"] = LocalizedText.Of("people", "人"),
            ["documents"] = LocalizedText.Of("documents", "份"),
            ["forms"] = LocalizedText.Of("forms", "份"),
            ["comments"] = LocalizedText.Of("comments", "条"),
            ["opinions"] = LocalizedText.Of("opinions", "条"),
            ["suggestions"] = LocalizedText.Of("suggestions", "条"),
            ["problems"] = LocalizedText.Of("problems", "个"),
            ["talks"] = LocalizedText.Of("talks", "次"),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
