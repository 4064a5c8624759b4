using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// The fault tests' workload: each campaign created, started and its study phase's first three tasks
/// completed, every command with an Idempotency-Key. Completing them opens the study summary, whose
/// reminder the tests make fall due within seconds.
/// </summary>
public static class CampaignWorkload
{
    public const int CommandsPerCampaign = 5;

    /// <summary>Every key the workload sends starts with its prefix; returns the campaign's location.</summary>
    public static async Task<string> RunCampaignAsync(ClusterClient client, string keyPrefix, int n, CancellationToken token)
    {
        var organization = $"unit-{n % 10}";
        var (created, _) = await client.CommandAsync("/api/v1/campaigns", NewCampaign($"集群活动 {n}", organization), $"{keyPrefix}{n}-create", "campaign.created", token);
        var campaign = created.Headers.Location!.OriginalString;
        await client.CommandAsync($"{campaign}/transitions", new { trigger = "start", reason = "启动" }, $"{keyPrefix}{n}-start", "phase.transitioned", token);
        await client.CommandAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), $"{keyPrefix}{n}-mobilization", "task.completed", token);
        await client.CommandAsync($"{campaign}/tasks/centralizedStudy:1/complete", Meeting("2023-03-10"), $"{keyPrefix}{n}-study", "task.completed", token);
        await client.CommandAsync($"{campaign}/tasks/researchVisits:1/complete",
            new { result = new { findings = new[] { Finding("师资不足", "problem") } } }, $"{keyPrefix}{n}-research", "task.completed", token);
        return campaign;
    }
}
