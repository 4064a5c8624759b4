using System.Text.Json;
using Workflow.Api.Campaigns;
using Workflow.Api.History;
using Workflow.Engine.Canonical;
using Workflow.Engine.Definitions;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Definitions;

/// <summary>
/// Writes definition changes (drafts created, updated, deleted; versions published, retracted,
/// imported) as entries of the definitions ledger stream (<see cref="LedgerStream.Definitions"/>),
/// in the transaction of the change itself (see <see cref="StreamLedger"/>).
/// </summary>
public static class DefinitionLedger
{
    public const string DraftCreated = "definition.draftCreated";
    public const string DraftUpdated = "definition.draftUpdated";
    public const string DraftDeleted = "definition.draftDeleted";
    public const string Published = "definition.published";
    public const string Retracted = "definition.retracted";
    public const string Imported = "definition.imported";

    /// <summary>The states an entry moves a definition (or draft) between.</summary>
    public const string DraftState = "draft", DeletedState = "deleted", PublishedState = "published", RetractedState = "retracted";

    /// <summary>What changed: the definition (kind, id, version, content hash), the draft, the reason, and the states before and after.</summary>
    public sealed record Change(
        string Kind, string EntryKind, string DefinitionId, int? Version, string ContentHash, Guid? DraftId, string? Reason,
        string? Before, string? After);

    /// <summary>
    /// Adds the entry to the change tracker, with the stream row moved forward (created on first
    /// use); the caller's <c>SaveChangesAsync</c> writes both with the change itself.
    /// </summary>
    public static Task AppendAsync(CampaignDbContext db, Change change, RequestActor actor, DateTime at, CancellationToken cancellationToken) =>
        StreamLedger.AppendAsync(db, LedgerStream.Definitions, "definitions", new HistoryEntry
        {
            At = at,
            Kind = change.EntryKind,
            Actor = actor.Principal,
            OnBehalfOf = actor.OnBehalfOf,
            Reason = change.Reason,
            IdempotencyKey = actor.IdempotencyKey,
            CorrelationId = actor.CorrelationId,
            BeforeState = change.Before,
            AfterState = change.After,
            DefinitionId = change.DefinitionId,
            DefinitionVersion = change.Version ?? 0,
            Payload = Payload(change),
            PreviousHash = "",
            Hash = "",
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> (which saves its changes) in one transaction and commits it; a lost
    /// race (the stream head, a draft's version, a unique key) runs it again from a clean change tracker.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(CampaignDbContext db, Func<CancellationToken, Task<T>> work, Func<T> contended, CancellationToken cancellationToken) =>
        StreamLedger.InTransactionAsync(db, LedgerStream.Definitions, work, contended, cancellationToken);

    /// <summary>
    /// True when the text is valid Unicode (no lone surrogate): entries are hashed over their RFC 8785
    /// canonical form, which has no place for anything else, so such text is refused up front.
    /// </summary>
    public static bool IsValidText(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>The actor of a start-up import: the folder the definitions came from.</summary>
    public static RequestActor Importer(string principal) => new(principal, null, null, null);

    /// <summary>The SHA-256 of a document's canonical JSON, publication metadata left out (as for a published version).</summary>
    public static string ContentHashOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonCanonicalizer.Sha256Hex(document.RootElement, DefinitionParser.MetadataProperties);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Not canonicalizable (a lone surrogate in a work-in-progress draft): no content hash to give.
            return "";
        }
    }

    /// <summary>The payload, <c>kind</c> first (the history endpoint filters on that prefix).</summary>
    private static string Payload(Change change) => JsonSerializer.Serialize(new PayloadView(
        change.Kind, change.DefinitionId, change.Version, change.ContentHash, change.DraftId, change.Reason));

    /// <summary>Property order matters: <c>kind</c> must stay first.</summary>
    private sealed record PayloadView(
        [property: System.Text.Json.Serialization.JsonPropertyName("kind")] string Kind,
        [property: System.Text.Json.Serialization.JsonPropertyName("definitionId")] string DefinitionId,
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] int? Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("contentHash")] string ContentHash,
        [property: System.Text.Json.Serialization.JsonPropertyName("draftId"),
                   System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Guid? DraftId,
        [property: System.Text.Json.Serialization.JsonPropertyName("reason"),
                   System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Reason);

    /// <summary>The prefix every payload of a kind starts with.</summary>
    public static string PayloadPrefix(string kind) => "{\"kind\":" + JsonSerializer.Serialize(kind) + ",";
}
