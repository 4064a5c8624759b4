using System.Globalization;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Query;

/// <summary>
/// What an auditor asks the ledger for: equality filters that each have an index ending in the
/// keyset order (At, Id), a half-open time range [from, to), a text search in reasons, and the
/// keyset position to continue after.
/// </summary>
public sealed record AuditFilter(
    Guid? CampaignId = null, string? Organization = null, string? Actor = null, string? Kind = null, string? Phase = null,
    string? TaskId = null, DateTime? From = null, DateTime? To = null, string? Text = null, AuditCursor.Position? After = null)
{
    /// <summary>
    /// The filtered entries in the stable order (At, Id). Every provider translates this the same way:
    /// no OFFSET, no tuple comparison, only AND/OR of plain comparisons.
    /// </summary>
    public IQueryable<HistoryEntry> Apply(IQueryable<HistoryEntry> entries)
    {
        var query = entries;
        // Each equality filter is the leading column of an index (CampaignId, Sequence), (Organization, At, Id),
        // (Actor, At, Id), (Kind, At, Id), (PhaseId, At, Id); the time range and the keyset use (At, Id) or the tail of those.
        if (CampaignId is { } campaignId) query = query.Where(h => h.CampaignId == campaignId);
        if (Organization is { } organization) query = query.Where(h => h.Organization == organization);
        if (Actor is { } actor) query = query.Where(h => h.Actor == actor);
        if (Kind is { } kind) query = query.Where(h => h.Kind == kind);
        if (Phase is { } phase) query = query.Where(h => h.PhaseId == phase);
        // A task instance id (studyMobilization:1) repeats in every campaign of a template: it is meant with a
        // campaign, whose (CampaignId, Sequence) index narrows the rows; alone it reads (At, Id) in order, like text.
        if (TaskId is { } taskId) query = query.Where(h => h.TaskId == taskId);
        if (From is { } from) query = query.Where(h => h.At >= from);
        if (To is { } to) query = query.Where(h => h.At < to);
        if (Text is { } text)
        {
            // A substring search: no B-tree index can serve it. On its own it reads the (At, Id) index in order
            // and tests each reason; combined with another filter, that filter's index narrows the rows first.
            var lower = text.ToLowerInvariant();
            query = query.Where(h => h.Reason != null && h.Reason.ToLower().Contains(lower));
        }
        if (After is { } after)
        {
            var at = after.At;
            var id = after.Id;
            // (At, Id) > (at, id), expanded for every provider; the redundant "At >= at" lets the index seek
            // to the position instead of reading from the start and filtering.
            query = query.Where(h => h.At >= at && (h.At > at || (h.At == at && h.Id > id)));
        }
        return query.OrderBy(h => h.At).ThenBy(h => h.Id);
    }

    /// <summary>An absent or blank parameter is no filter.</summary>
    internal static string? Value(string? parameter) => string.IsNullOrWhiteSpace(parameter) ? null : parameter.Trim();

    /// <summary>An ISO 8601 time; without an offset it is UTC.</summary>
    internal static bool TryParseTime(string? value, out DateTime? time)
    {
        time = null;
        if (Value(value) is not { } text) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || text.Length < 10 || !char.IsAsciiDigit(text[0]))
            return false;
        time = parsed.UtcDateTime;
        return true;
    }
}
