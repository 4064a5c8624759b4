using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// API keys: required everywhere but health and the OpenAPI document, stored only as hashes,
/// refused once revoked; roles decide who may write; the actor is the key's principal, and
/// X-On-Behalf-Of is taken only from keys allowed to act for others.
/// </summary>
public abstract class IdentityTests(ApiFactory api)
{
    [Fact]
    public async Task NoKeyOrAnUnknownKey_Is401_AndWritesNothing()
    {
        var before = await DbState.ReadAsync(api);
        var anonymous = api.Client(null);
        await Problems.RefusedAsync(h => anonymous.GetJsonAsync("/api/v1/campaigns", h),
            HttpStatusCode.Unauthorized, "auth.required", "An API key is required: send it in the X-Api-Key header", "需要 API 密钥");
        await Problems.RefusedAsync(h => anonymous.PostJsonAsync("/api/v1/campaigns", NewCampaign(), h),
            HttpStatusCode.Unauthorized, "auth.required", "An API key is required", "需要 API 密钥");
        var forged = "cwk_" + new string('0', 12) + "_" + new string('A', 43);
        // A key that is sent but wrong is told apart from a missing one, and says what to do.
        foreach (var key in new[] { "not-a-key", forged })
        {
            var client = api.Client(key);
            var (en, _) = await Problems.RefusedAsync(h => client.PostJsonAsync("/api/v1/campaigns", NewCampaign(), h), HttpStatusCode.Unauthorized, "auth.key_invalid",
                "The API key is not valid: it is unknown, revoked or mistyped.", "API 密钥无效");
            // No internal arguments in the 401: only where and what, never a body limit or a framework's text.
            var arguments = en.Json.GetProperty("arguments").EnumerateObject().Select(p => p.Name).Order().ToList();
            Assert.Equal(["method", "path", "traceId"], arguments);
        }
        Assert.Equal(before, await DbState.ReadAsync(api));

        // A real key also works as a bearer token.
        var real = await api.IssueKeyAsync("reader", false, Roles.Auditor);
        var bearer = api.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", real);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetJsonAsync("/api/v1/campaigns")).Status);
    }

    [Fact]
    public async Task KeysAreStoredOnlyAsHashes()
    {
        var key = await api.IssueKeyAsync("hashed-principal", false, Roles.Operator);
        Assert.True(ApiKeySecrets.TryParse(key, out var prefix, out var secret));
        var row = await api.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Principal == "hashed-principal"));
        Assert.Equal(prefix, row.Prefix);
        Assert.Equal(ApiKeySecrets.Hash(secret), row.SecretHash);
        var columns = new[] { row.Prefix, row.SecretHash, row.Principal, row.Roles };
        Assert.All(columns, c => Assert.DoesNotContain(secret, c, StringComparison.Ordinal));
        Assert.All(columns, c => Assert.DoesNotContain(key, c, StringComparison.Ordinal));
        if (api is SqliteApiFactory)
        {
            // The database files themselves, journal included, never hold the secret.
            foreach (var file in Directory.GetFiles(api.DataFolder, "campaigns.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new MemoryStream();
                await stream.CopyToAsync(reader);
                Assert.DoesNotContain(secret, Encoding.ASCII.GetString(reader.ToArray()), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AWrongRole_Is403_AndWritesNothing()
    {
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(office);
        var participant = await api.ClientAsync("deputy.liu", Roles.Participant);
        var auditor = await api.ClientAsync("auditor.wang", Roles.Auditor);
        var before = await DbState.ReadAsync(api);
        await Problems.RefusedAsync(h => participant.PostJsonAsync($"{campaign}/transitions", new { trigger = "suspend" }, h),
            HttpStatusCode.Forbidden, "auth.forbidden", "Your API key's roles do not allow this.", "您的 API 密钥角色无权执行此操作");
        await Problems.RefusedAsync(h => participant.PostJsonAsync("/api/v1/campaigns", NewCampaign(), h),
            HttpStatusCode.Forbidden, "auth.forbidden", "roles do not allow", "无权");
        await Problems.RefusedAsync(h => auditor.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), h),
            HttpStatusCode.Forbidden, "auth.forbidden", "roles do not allow", "无权");
        Assert.Equal(before, await DbState.ReadAsync(api));
        // Reading needs no particular role; a participant may complete tasks.
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetJsonAsync($"{campaign}/history")).Status);
        await CampaignSteps.CompleteAsync(participant, campaign, "studyMobilization:1", Meeting("2023-03-01"));
    }

    [Fact]
    public async Task OnBehalfOf_FromAKeyNotAllowedToActForOthers_Is403()
    {
        var office = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(office);
        var before = await DbState.ReadAsync(api);
        var (en, _) = await Problems.RefusedAsync(
            h => office.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), [.. h, ("X-On-Behalf-Of", "secretary.chen")]),
            HttpStatusCode.Forbidden, "auth.on_behalf_of_not_allowed", "Your API key may not act on behalf of others (X-On-Behalf-Of: secretary.chen).", "您的 API 密钥不能代表他人操作");
        Assert.Equal("secretary.chen", en.Json.GetProperty("arguments").GetProperty("onBehalfOf").GetString());
        await Problems.RefusedAsync(h => office.PostJsonAsync("/api/v1/campaigns", NewCampaign(), [.. h, ("X-On-Behalf-Of", "secretary.chen")]),
            HttpStatusCode.Forbidden, "auth.on_behalf_of_not_allowed", "may not act on behalf of others", "不能代表他人操作");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task OnBehalfOf_FromAnAllowedKey_IsRecorded_AndTheActorIsAlwaysTheKeysPrincipal()
    {
        var portal = await api.ClientAsync("party-portal", canActForOthers: true, Roles.Operator);
        // Fields that try to name the actor are not part of any request: refused, and nothing is written.
        var before = await DbState.ReadAsync(api);
        var forged = await portal.PostJsonAsync("/api/v1/campaigns",
            new { templateId = "scientific-outlook-campaign", templateVersion = 1, name = "代办", organization = "o", parameters = Parameters, createdBy = "mallory", actor = "mallory" },
            ("X-On-Behalf-Of", "secretary.chen"));
        Problems.Assert(forged, HttpStatusCode.BadRequest, "request.unknown_field", "does not take");
        Assert.Equal(before, await DbState.ReadAsync(api));
        var created = await portal.PostJsonAsync("/api/v1/campaigns",
            new { templateId = "scientific-outlook-campaign", templateVersion = 1, name = "代办", organization = "o", parameters = Parameters },
            ("X-On-Behalf-Of", "secretary.chen"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("party-portal", created.Json.GetProperty("createdBy").GetString());
        var campaign = created.Header("Location")!;
        await CampaignSteps.FireAsync(portal, campaign, "start");
        var forgedCompletion = await portal.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete",
            new { result = new { heldOn = "2023-03-01" }, actor = "mallory", completedBy = "mallory", principal = "mallory" }, ("X-On-Behalf-Of", "secretary.chen"));
        Problems.Assert(forgedCompletion, HttpStatusCode.BadRequest, "request.unknown_field", "\"actor\"");
        var completed = await portal.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete",
            new { result = new { heldOn = "2023-03-01" } }, ("X-On-Behalf-Of", "secretary.chen"));
        Assert.Equal(HttpStatusCode.OK, completed.Status);

        var entries = await Ledger.VerifiedAsync(api, CampaignSteps.IdOf(campaign));
        Assert.All(entries, e => Assert.Equal("party-portal", e.Actor));
        Assert.DoesNotContain(entries, e => e.Payload.Contains("mallory", StringComparison.Ordinal));
        var completion = Assert.Single(entries, e => e.Kind == "task.completed");
        Assert.Equal("secretary.chen", completion.OnBehalfOf);
        Assert.Equal("secretary.chen", entries.First(e => e.Kind == "campaign.created").OnBehalfOf);
        var history = await portal.GetJsonAsync($"{campaign}/history");
        var view = history.Json.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "task.completed");
        Assert.Equal(("party-portal", "secretary.chen"), (view.GetProperty("actor").GetString(), view.GetProperty("onBehalfOf").GetString()));
    }

    [Fact]
    public async Task HealthAndTheOpenApiDocument_AnswerWithoutAKey()
    {
        var anonymous = api.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetJsonAsync("/health/live")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetJsonAsync("/health/ready")).Status);
        var document = await anonymous.GetJsonAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.True(document.Json.GetProperty("paths").TryGetProperty("/api/v1/campaigns", out _));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetJsonAsync("/swagger/index.html")).Status);
    }

    [Fact]
    public async Task EveryOtherEndpoint_Is401WithoutAKey()
    {
        var anonymous = api.Client(null);
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = Routes.Fill(endpoint.RoutePattern.RawText!, Guid.NewGuid());
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            // Open: health, the web app's page (/app/…, see Web/WebAppServingTests; its API calls need the key), and signing
            // in: the sign-in options and a local account's sign-in (Identity/LocalAccountTests).
            var signIn = url == "/api/v1/sign-in" || (url.TrimEnd('/') == "/api/v1/session" && methods.SequenceEqual(["POST"]));
            Assert.True(!open || signIn || url.StartsWith("/health/", StringComparison.Ordinal) || url.StartsWith("/app/", StringComparison.Ordinal),
                $"{url} allows anonymous access");
            if (signIn) continue;
            foreach (var method in methods)
            {
                var response = await anonymous.SendAsync(new HttpMethod(method), url, method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"));
                if (open)
                {
                    Assert.True(response.Status == HttpStatusCode.OK, $"{method} {url}: {(int)response.Status}");
                    continue;
                }
                Problems.Assert(response, HttpStatusCode.Unauthorized, "auth.required", "API key");
                checkedCount++;
            }
        }
        // Not vacuous: the campaign, task, history, definition and descriptor endpoints were all there.
        Assert.True(checkedCount >= 14, $"only {checkedCount} endpoints were checked");
    }

    [Theory]
    [InlineData("auditor", false, false, false, true)]
    [InlineData("participant", false, true, false, false)]
    [InlineData("operator", true, true, false, false)]
    [InlineData("admin", true, true, true, true)]
    public async Task Me_SaysWhoTheKeyIs_AndWhatItsRolesAllow(string role, bool campaigns, bool tasks, bool design, bool ledger)
    {
        var principal = "me-" + role;
        var me = await api.Client(await api.IssueKeyAsync(principal, role == "operator", role)).GetJsonAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(principal, me.Json.GetProperty("principal").GetString());
        Assert.Equal([role], me.Json.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(role == "operator", me.Json.GetProperty("canActForOthers").GetBoolean());
        var may = me.Json.GetProperty("permissions");
        Assert.Equal(campaigns, may.GetProperty("startCampaigns").GetBoolean());
        Assert.Equal(campaigns, may.GetProperty("fireTransitions").GetBoolean());
        Assert.Equal(tasks, may.GetProperty("completeTasks").GetBoolean());
        Assert.Equal(design, may.GetProperty("designDefinitions").GetBoolean());
        Assert.Equal(ledger, may.GetProperty("readLedger").GetBoolean());
    }
}

public sealed class IdentityOnSqlite(SqliteApiFactory api) : IdentityTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class IdentityOnPostgres(PostgresApiFactory api) : IdentityTests(api), IClassFixture<PostgresApiFactory>;
