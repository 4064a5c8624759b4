using Microsoft.Extensions.Primitives;
using Workflow.Storage.History;

namespace Workflow.Api.History;

/// <summary>What an integrator follows: one campaign, one organization, some entry kinds, with or without the definitions stream.</summary>
public sealed record FeedFilter(Guid? Campaign, string? Organization, IReadOnlySet<string>? Kinds, bool Definitions)
{
    public bool IsEmpty => Campaign is null && Organization is null && Kinds is null && Definitions;

    public bool Matches(HistoryEntry entry) =>
        (Campaign is not { } campaign || entry.CampaignId == campaign)
        && (Organization is not { } organization || entry.Organization == organization)
        && (Kinds is null || Kinds.Contains(entry.Kind))
        && (Definitions || entry.CampaignId != LedgerStream.Definitions);

    /// <summary>The filter from the query string; the name of the unknown kind when there is one.</summary>
    public static FeedFilter Parse(Guid? campaign, string? organization, StringValues kinds, bool? definitions, out string? unknownKind)
    {
        unknownKind = null;
        HashSet<string>? set = null;
        foreach (var value in kinds)
        {
            foreach (var kind in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!LedgerKinds.All.Contains(kind))
                {
                    unknownKind = kind;
                    break;
                }
                (set ??= new HashSet<string>(StringComparer.Ordinal)).Add(kind);
            }
        }
        return new FeedFilter(campaign, string.IsNullOrEmpty(organization) ? null : organization, set, definitions ?? true);
    }
}
