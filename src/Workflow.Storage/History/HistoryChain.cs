using System.Text.Json;
using Workflow.Engine.Canonical;
using Workflow.Engine.Values;

namespace Workflow.Storage.History;

/// <summary>
/// The hash chain over a campaign's ledger. An entry's hash is the SHA-256 of the RFC 8785
/// canonical JSON of its content, which includes the previous entry's hash; the first entry's
/// previous hash is 64 zeros.
/// </summary>
public static class HistoryChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(HistoryEntry entry) => JsonCanonicalizer.Sha256Hex(Content(entry));

    /// <summary>The hashed content: every column but the row id and the hash itself, the payload as JSON.</summary>
    public static JsonElement Content(HistoryEntry entry)
    {
        using var payload = JsonDocument.Parse(entry.Payload);
        var root = payload.RootElement;
        return JsonValues.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("campaignId", entry.CampaignId.ToString("D"));
            writer.WriteNumber("sequence", entry.Sequence);
            writer.WriteString("at", Storage.UtcTime.Format(entry.At));
            writer.WriteString("kind", entry.Kind);
            writer.WriteString("actor", entry.Actor);
            Nullable(writer, "onBehalfOf", entry.OnBehalfOf);
            Nullable(writer, "reason", entry.Reason);
            Nullable(writer, "idempotencyKey", entry.IdempotencyKey);
            Nullable(writer, "correlationId", entry.CorrelationId);
            Nullable(writer, "organization", entry.Organization);
            Nullable(writer, "beforeState", entry.BeforeState);
            Nullable(writer, "afterState", entry.AfterState);
            writer.WritePropertyName("evidence");
            if (entry.Evidence is null) writer.WriteNullValue();
            else
            {
                using var evidence = JsonDocument.Parse(entry.Evidence);
                evidence.RootElement.WriteTo(writer);
            }
            writer.WriteString("definitionId", entry.DefinitionId);
            writer.WriteNumber("definitionVersion", entry.DefinitionVersion);
            Nullable(writer, "phaseId", entry.PhaseId);
            Nullable(writer, "taskId", entry.TaskId);
            writer.WritePropertyName("payload");
            root.WriteTo(writer);
            writer.WriteString("previousHash", entry.PreviousHash);
            writer.WriteEndObject();
        });
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
