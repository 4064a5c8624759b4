using System.Text.Json;

namespace Workflow.LedgerVerifier;

/// <summary>
/// Reads an anchor folder: one file per anchor, each the delivery body of a <c>ledger.anchored</c>
/// entry (<c>{type, timestamp, data: {payload: {checkpoints: […]}}}</c>). Returns the checkpoints of one ledger.
/// </summary>
public static class AnchorFolder
{
    public static IEnumerable<(string Name, JsonElement Checkpoint)> Checkpoints(string folder, string? campaignId)
    {
        if (!Directory.Exists(folder)) throw new IOException($"the anchor folder {folder} does not exist");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("payload", out var payload)
                || !payload.TryGetProperty("checkpoints", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{Path.GetFileName(file)} is not an anchor (no data.payload.checkpoints)");
            foreach (var checkpoint in list.EnumerateArray())
                if (checkpoint.TryGetProperty("campaignId", out var id) && id.GetString() == campaignId)
                    yield return ($"anchor {Path.GetFileName(file)}", checkpoint.Clone());
        }
    }
}
