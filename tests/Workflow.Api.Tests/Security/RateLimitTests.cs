using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Guessing keys gets slow: past the limit of refused keys per address the answer is 429 with Retry-After, and a valid
/// key still works. One principal's commands past its limit are refused with 429 and nothing written; its reads go on.
/// Each test runs a host of its own with small limits.
/// </summary>
public sealed class RateLimitTests
{
    private static async Task<SqliteApiFactory> HostAsync(int failedSignInsPerMinute, int commandsPerSecond)
    {
        var api = new SqliteApiFactory();
        api.Settings["RateLimits:FailedSignInsPerMinute"] = failedSignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        api.Settings["RateLimits:CommandsPerSecond"] = commandsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await api.InitializeAsync();
        return api;
    }

    [Fact]
    public async Task RefusedKeysPastTheLimit_Get429WithRetryAfter_WhileAValidKeyStillWorks()
    {
        var api = await HostAsync(failedSignInsPerMinute: 5, commandsPerSecond: 0);
        try
        {
            var guesser = api.Client("cwk_" + new string('0', 12) + "_" + new string('A', 43));
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++) statuses.Add((await guesser.GetJsonAsync("/api/v1/campaigns")).Status);
            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

            var (en, zh) = await Problems.RefusedAsync(h => guesser.GetJsonAsync("/api/v1/campaigns", h), HttpStatusCode.TooManyRequests,
                "auth.too_many_failures", "Too many refused keys, tokens or passwords came from this address", "来自此地址的无效密钥、令牌或密码过多");
            Assert.True(int.Parse(en.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60, en.Header("Retry-After"));
            Assert.Equal(en.Header("Retry-After"), en.Json.GetProperty("arguments").GetProperty("retryAfter").GetString());

            var valid = await api.ClientAsync("campaign-office", Roles.Operator);
            Assert.Equal(HttpStatusCode.OK, (await valid.GetJsonAsync("/api/v1/campaigns")).Status);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task CommandsPastAPrincipalsLimit_Get429_NothingWritten_AndReadsGoOn()
    {
        var api = await HostAsync(failedSignInsPerMinute: 60, commandsPerSecond: 1);
        try
        {
            var office = await api.ClientAsync("campaign-office", Roles.Operator);
            var other = await api.ClientAsync("another-office", Roles.Operator);
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => office.PostJsonAsync("/api/v1/campaigns", NewCampaign($"限流测试{i}"))));
            var created = answers.Count(a => a.Status == HttpStatusCode.Created);
            var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
            Assert.Equal(6, created + refused.Count);
            Assert.InRange(created, 2, 3); // a burst of twice the rate, and perhaps one token more while they ran
            var problem = refused[0];
            Assert.Equal("request.too_many_commands", problem.Json.GetProperty("code").GetString());
            Assert.True(int.Parse(problem.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);

            var stored = await api.DbAsync(db => db.Campaigns.CountAsync());
            Assert.Equal(created, stored);
            Assert.Equal(HttpStatusCode.OK, (await office.GetJsonAsync("/api/v1/campaigns")).Status);
            // The limit is the principal's own: another one's first command goes through.
            Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/api/v1/campaigns", NewCampaign("另一个办公室"))).Status);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
