using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Serialization;
using Workflow.Storage;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>Gates are evaluated once per stored version of a campaign, not once per progress read.</summary>
public sealed class AssessmentCacheTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task AVersionIsAssessedOnce_TheNextVersionAfresh_AndProgressShowsTheCachedGates()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var first = (await client.GetJsonAsync($"{campaign}/progress")).Json;

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var row = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == CampaignSteps.IdOf(campaign));
        var state = JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!;
        var template = (await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>()
            .PinnedTemplateAsync(db, row.TemplateId, row.TemplateVersion, CancellationToken.None)).Compiled!;
        var cache = api.Services.GetRequiredService<AssessmentCache>();

        // The read above assessed this version and kept it: asked with a state that would assess otherwise (suspended),
        // the cache still answers with what the read computed from the stored state, which is right for this version.
        var suspended = state with { Suspended = true };
        var cached = cache.Get(row.Id, row.Version, template, suspended);
        Assert.Same(cached, cache.Get(row.Id, row.Version, template, state));
        Assert.False(cached.Suspended);
        Assert.True(CampaignEngine.Assess(template, suspended).Suspended);
        Assert.Equal(first.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("id").GetString()), cached.Gates.Select(g => g.GateId));
        // Another version is another state: assessed anew.
        Assert.True(cache.Get(row.Id, row.Version + 1, template, suspended).Suspended);
    }
}
