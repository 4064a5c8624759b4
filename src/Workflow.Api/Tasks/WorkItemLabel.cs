using System.Text.Json;

namespace Workflow.Api.Tasks;

/// <summary>
/// The words that say which item a multi-instance task is for, from the item the engine bound it to:
/// a text item (a team member) as it is, an object by its title (a finding), else its name (a party
/// group), else its id. Several "限期整改" rows on one worklist are told apart by this.
/// </summary>
internal static class WorkItemLabel
{
    private static readonly string[] LabelProperties = ["title", "name", "displayName", "id"];

    public static string? Of(string? itemJson)
    {
        if (string.IsNullOrWhiteSpace(itemJson)) return null;
        try
        {
            using var item = JsonDocument.Parse(itemJson);
            var root = item.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.String:
                    return Blank(root.GetString());
                case JsonValueKind.Number:
                    return root.GetRawText();
                case JsonValueKind.Object:
                    foreach (var name in LabelProperties)
                        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && Blank(value.GetString()) is { } text)
                            return text;
                    return null;
                default:
                    return null;
            }
        }
        catch (JsonException)
        {
            // A stored item that is not JSON is a projection bug elsewhere; the row is still listed, without a label.
            return null;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
