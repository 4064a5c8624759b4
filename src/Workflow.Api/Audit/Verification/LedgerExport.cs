using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Verification;

/// <summary>The export's shape, for the API description; <see cref="LedgerExport.WriteAsync"/> streams exactly these members.</summary>
/// <param name="Format">campaign-ledger-export/1.</param>
/// <param name="Entries">Each entry's id, the members its hash is taken over, and its hash, in sequence order.</param>
/// <param name="Checkpoint">Signed over the last entry written.</param>
public sealed record LedgerExportDocument(string Format, Guid CampaignId, string PublicKeyPem, IReadOnlyList<JsonElement> Entries, Checkpoint Checkpoint);

/// <summary>
/// A ledger as one JSON document an auditor can check offline:
/// <c>{ format, campaignId, publicKeyPem, entries: [ {id, …hashed members…, hash} ], checkpoint }</c>.
/// Each entry carries exactly the members its hash is taken over, plus <c>id</c> and <c>hash</c>;
/// the checkpoint, signed last, covers the last entry written. Streamed: constant memory.
/// </summary>
public static class LedgerExport
{

    public const string Format = "campaign-ledger-export/1";

    public static async Task WriteAsync(Stream output, Guid id, (long Count, string Head) head, CampaignDbContext db, LedgerSigningKey key, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("campaignId", id.ToString("D"));
        writer.WriteString("publicKeyPem", key.PublicKeyPem);
        writer.WriteStartArray("entries");
        long last = 0;
        var lastHash = HistoryChain.Genesis;
        var entries = db.History.AsNoTracking().Where(h => h.CampaignId == id && h.Sequence <= head.Count).OrderBy(h => h.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            WriteEntry(writer, entry);
            last = entry.Sequence;
            lastHash = entry.Hash;
            if (writer.BytesPending > 16 * 1024) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        var checkpoint = Checkpoint.Issue(key, id, last, lastHash, clock.GetUtcNow().UtcDateTime);
        writer.WritePropertyName("checkpoint");
        WriteCheckpoint(writer, checkpoint);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One entry: <c>id</c>, the hashed content's members (payload and evidence as JSON), then <c>hash</c>.</summary>
    public static void WriteEntry(Utf8JsonWriter writer, HistoryEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", entry.Id);
        foreach (var member in HistoryChain.Content(entry).EnumerateObject()) member.WriteTo(writer);
        writer.WriteString("hash", entry.Hash);
        writer.WriteEndObject();
    }

    public static void WriteCheckpoint(Utf8JsonWriter writer, Checkpoint checkpoint)
    {
        writer.WriteStartObject();
        writer.WriteString("campaignId", checkpoint.CampaignId.ToString("D"));
        writer.WriteNumber("sequence", checkpoint.Sequence);
        writer.WriteString("headHash", checkpoint.HeadHash);
        writer.WriteString("issuedAt", checkpoint.IssuedAt);
        writer.WriteString("keyId", checkpoint.KeyId);
        writer.WriteString("signature", checkpoint.Signature);
        writer.WriteEndObject();
    }
}
