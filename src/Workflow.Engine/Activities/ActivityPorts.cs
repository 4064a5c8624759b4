using System.Collections.Frozen;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// The labels of the catalog's fixed outbound ports. Definitions and results keep the stable port
/// name ("Approved"); a client labels a connection or an outcome with these instead, so a Chinese
/// page does not show "ChangesRequested". A fork's ports are its branch names, written by the
/// definition's author, and have no entry here.
/// </summary>
public static class ActivityPorts
{
    public static FrozenDictionary<string, LocalizedText> DisplayNames { get; } =
        new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
        {
            [ActivityDescriptor.DonePort] = LocalizedText.Of("Done", "完成"),
            ["True"] = LocalizedText.Of("True", "是"),
            ["False"] = LocalizedText.Of("False", "否"),
            [DocumentActivities.ApprovedPort] = LocalizedText.Of("Approved", "通过"),
            [DocumentActivities.ChangesRequestedPort] = LocalizedText.Of("Changes requested", "需修改"),
            [ActivityDescriptor.TimeoutPort] = LocalizedText.Of("Timeout", "超时"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Each of these ports' labels by port name, <c>{"Approved": {"en": "Approved", "zh-CN": "通过"}}</c>; ports without a fixed label are left out.</summary>
    internal static System.Text.Json.Nodes.JsonObject NamesJson(IEnumerable<string> ports)
    {
        var json = new System.Text.Json.Nodes.JsonObject();
        foreach (var port in ports)
            if (DisplayNames.TryGetValue(port, out var names)) json[port] = JsonNames.Of(names);
        return json;
    }
}
