using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Storage;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>
/// Publishes drafts as new immutable versions and retracts versions, recording who and when. Nothing
/// is reloaded: every server's catalog reads a version from the database when it is first asked for.
/// </summary>
public sealed class DefinitionPublisher(CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, ILogger<DefinitionPublisher> logger)
{
    public const string ApiSource = "api";

    /// <summary>
    /// Validates the draft with the next free version written into it and stores it. Racing
    /// publications meet at the unique (kind, id, version) index; the loser runs again on the fresh
    /// maximum. Deleting the draft checks its row version, so a draft is published at most once.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(string kind, Guid draftId, IfMatch? ifMatch, RequestActor actor, CancellationToken cancellationToken)
    {
        var principal = actor.Principal;
        // A lost race (another publication took this version, the draft changed or went) runs again on fresh reads.
        var outcome = await DefinitionLedger.InTransactionAsync<PublishOutcome>(db, async token =>
        {
            var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId && d.Kind == kind, token);
            if (draft is null) return new PublishOutcome.DraftMissing();
            if (ifMatch is { } expected && !expected.Matches(draft.Version)) return new PublishOutcome.DraftChanged(draft.Version, expected.Shown);

            var latest = await db.Definitions.Where(d => d.Kind == kind && d.DefinitionId == draft.DefinitionId)
                .MaxAsync(d => (int?)d.Version, token) ?? 0;
            var json = DefinitionDocuments.WithVersion(draft.Json, latest + 1);
            using var document = JsonDocument.Parse(json);
            var check = await DefinitionValidation.CheckAsync(kind, document.RootElement, catalog, db, token);
            if (!check.Valid) return new PublishOutcome.Rejected(check.Errors);

            var identity = check.Identity!;
            var row = new PublishedDefinition
            {
                Kind = kind, DefinitionId = identity.DefinitionId, Version = identity.Version, ContentHash = identity.ContentHash, Json = json,
                Source = ApiSource, PublishedAt = UtcTime.Truncate(clock.GetUtcNow()), PublishedBy = principal,
            };
            db.Definitions.Add(row);
            db.Drafts.Remove(draft);
            await DefinitionLedger.AppendAsync(db, new DefinitionLedger.Change(kind, DefinitionLedger.Published, row.DefinitionId, row.Version, row.ContentHash,
                draft.Id, null, DefinitionLedger.DraftState, DefinitionLedger.PublishedState), actor, row.PublishedAt, token);
            await db.SaveChangesAsync(token);
            return new PublishOutcome.Published(row);
        }, () => new PublishOutcome.Contended(), cancellationToken);
        if (outcome is PublishOutcome.Published published)
        {
            logger.LogInformation("{Principal} published {Kind} {Identity} from draft {DraftId}.", principal, kind,
                $"{published.Row.DefinitionId} v{published.Row.Version}", draftId);
        }
        return outcome;
    }

    /// <summary>
    /// Marks a version retracted, once, with its ledger entry in the same transaction: the conditional
    /// update makes a second retraction (even a racing one) see it done. The reason goes into the entry.
    /// </summary>
    public async Task<RetractOutcome> RetractAsync(string kind, string definitionId, int version, RequestActor actor, string? reason, CancellationToken cancellationToken)
    {
        var principal = actor.Principal;
        var reasonText = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var outcome = await DefinitionLedger.InTransactionAsync(db, async token =>
        {
            var now = UtcTime.Truncate(clock.GetUtcNow());
            var changed = await db.Definitions
                .Where(d => d.Kind == kind && d.DefinitionId == definitionId && d.Version == version && d.RetractedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.RetractedAt, (DateTime?)now).SetProperty(d => d.RetractedBy, principal), token);
            var row = await db.Definitions.AsNoTracking()
                .SingleOrDefaultAsync(d => d.Kind == kind && d.DefinitionId == definitionId && d.Version == version, token);
            if (changed == 0 || row is null) return new RetractOutcome(row, false);
            await DefinitionLedger.AppendAsync(db, new DefinitionLedger.Change(kind, DefinitionLedger.Retracted, definitionId, version, row.ContentHash,
                null, reasonText, DefinitionLedger.PublishedState, DefinitionLedger.RetractedState), actor, now, token);
            await db.SaveChangesAsync(token);
            return new RetractOutcome(row, true);
        }, () => new RetractOutcome(null, false, Contended: true), cancellationToken);
        if (!outcome.Changed) return outcome;
        logger.LogInformation("{Principal} retracted {Kind} {DefinitionId} v{Version}. Reason: {Reason}",
            principal, kind, definitionId, version, reasonText ?? "(none given)");
        return outcome;
    }
}
