using Microsoft.Extensions.Caching.Memory;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;

namespace Workflow.Api.Campaigns;

/// <summary>
/// A campaign's gates and triggers, evaluated once per stored version. An assessment reads only the campaign's state (no
/// clock, no other rows), and a version's state never changes, so a cached one is never stale and needs no invalidation;
/// progress reads by any number of watchers then cost one evaluation per command, not one per read.
/// </summary>
public sealed class AssessmentCache : IDisposable
{
    /// <summary>Campaigns whose assessment is kept; the least recently read go first beyond it.</summary>
    public const int Capacity = 10_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public CampaignAssessment Get(Guid campaignId, long version, CompiledTemplate template, CampaignInstance campaign) =>
        Get(campaignId, version, template, () => campaign);

    /// <summary>The same, reading the state only when the version is not cached (the dashboard's many campaigns skip the JSON then).</summary>
    public CampaignAssessment Get(Guid campaignId, long version, CompiledTemplate template, Func<CampaignInstance> campaign)
    {
        var key = new Key(campaignId, version, template.Identity.DefinitionId, template.Identity.Version);
        if (cache.TryGetValue(key, out CampaignAssessment? cached) && cached is not null) return cached;
        var assessment = CampaignEngine.Assess(template, campaign());
        cache.Set(key, assessment, Entry);
        return assessment;
    }

    public void Dispose() => cache.Dispose();

    private sealed record Key(Guid Campaign, long Version, string Template, int TemplateVersion);
}
