using System.Collections.Frozen;

namespace Workflow.Api.Organizations;

/// <summary>The kinds of unit the tree holds, with their names in both languages.</summary>
public static class OrganizationKinds
{
    public static readonly FrozenDictionary<string, (string En, string Zh)> Names = new Dictionary<string, (string, string)>
    {
        ["district"] = ("District", "区"),
        ["bureau"] = ("Bureau", "局"),
        ["office"] = ("Office", "科室"),
        ["party-committee"] = ("Party committee", "党委"),
        ["party-group"] = ("Party group", "党支部"),
        ["school"] = ("School", "学校"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kinds, in the order above, for messages.</summary>
    public static readonly string AllowedList = string.Join(", ", Names.Keys.Order(StringComparer.Ordinal));

    public static bool IsKnown(string? kind) => kind is not null && Names.ContainsKey(kind);

    public static string? DisplayName(string kind, string culture) =>
        Names.TryGetValue(kind, out var n) ? (culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? n.Zh : n.En) : null;
}
