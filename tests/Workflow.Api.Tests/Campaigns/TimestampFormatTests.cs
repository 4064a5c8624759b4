using System.Text.RegularExpressions;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Campaigns;

/// <summary>
/// One timestamp format in every answer the API writes: RFC 3339 in UTC with Z (progress used to answer +00:00).
/// Ledger entries' payloads are the exception: they are kept byte for byte as hashed.
/// </summary>
public sealed partial class TimestampFormatTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [GeneratedRegex("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(?<zone>[^\"]*)\"")]
    private static partial Regex Timestamp();

    [Fact]
    public async Task EveryTimestamp_IsUtcWithZ()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator, Roles.Auditor);
        var campaign = await CampaignSteps.StartedAsync(client);
        var seen = 0;
        var progress = 0;
        // Not the ledger's lists: an entry's payload is the engine's event as it was recorded and hashed, and stays so.
        foreach (var url in new[] { campaign, $"{campaign}/progress", "/api/v1/tasks?role=campaign-office", "/api/v1/campaigns", "/health/ready" })
        {
            var response = await client.GetJsonAsync(url);
            Assert.True(response.Status == System.Net.HttpStatusCode.OK, $"{url}: {response.Text}");
            foreach (Match match in Timestamp().Matches(response.Text))
            {
                Assert.True(match.Groups["zone"].Value == "Z", $"{url}: {match.Value}");
                seen++;
                if (url.EndsWith("/progress", StringComparison.Ordinal)) progress++;
            }
        }
        Assert.True(seen >= 5 && progress >= 1, $"only {seen} timestamps were seen, {progress} in progress");
    }
}
