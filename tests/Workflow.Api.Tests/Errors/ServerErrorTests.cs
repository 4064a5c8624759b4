using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Errors;

/// <summary>
/// No request yields a 5xx: garbage sent to every endpoint gets a 4xx problem and writes nothing;
/// and when the server does fail, the client gets a problem with a trace id and nothing of the failure.
/// </summary>
public abstract class ServerErrorTests(ApiFactory api)
{
    /// <summary>A route that fails the way a bug would, added only to this test's host, after the app's own pipeline.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public const string Path = "/test-only/fail";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException("Host=db.internal;Password=hunter2 went away")));
        };
    }

    [Fact]
    public async Task AnUnexpectedFailure_Is500_ProblemWithTraceId_AndNoInternals()
    {
        var key = await api.IssueKeyAsync("campaign-office", false, Roles.Operator);
        await using var failing = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingRoute>()));
        using var client = ApiFactory.WithKey(failing.CreateClient(), key);
        var (en, zh) = await Problems.RefusedAsync(h => client.GetJsonAsync(FailingRoute.Path, h),
            HttpStatusCode.InternalServerError, "server.error", "Something went wrong on the server; the request was not applied. Reference:", "服务器出错，请求未被执行。参考编号");
        foreach (var response in new[] { en, zh })
        {
            var traceId = response.Json.GetProperty("traceId").GetString()!;
            Assert.Contains(traceId, response.Json.GetProperty("detail").GetString());
            Assert.DoesNotContain("hunter2", response.Text);
            Assert.DoesNotContain("InvalidOperation", response.Text);
        }
    }

    public static readonly string[] GarbageBodies =
    [
        "", "null", "[]", "{}", "123", "\"text\"", "true", "{\"a\":", "{'a':1}", "{\"trigger\":{\"x\":1}}", "{\"trigger\":\"\\ud800\"}",
        "{\"result\":1e999,\"outcome\":\"\"}", "{\"templateVersion\":99999999999}", "{\"assignee\":null,\"result\":[]}",
        new string('[', 200) + new string(']', 200), "{\"name\":\"" + new string('x', 5000) + "\"}", "\u0000\u0001", "{\"trigger\":\"advance\"}{}",
    ];

    [Fact]
    public async Task GarbageToEveryEndpoint_IsNever5xx_AndWritesNothing()
    {
        var admin = await api.ClientAsync("admin-for-garbage", true, Roles.All);
        var campaign = await CampaignSteps.StartedAsync(admin);
        var before = await DbState.ReadAsync(api);
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = Routes.Fill(endpoint.RoutePattern.RawText!, CampaignSteps.IdOf(campaign), taskId: "noSuchTask:1");
            foreach (var method in methods)
            {
                if (method == "GET")
                {
                    // A stream (the events feed's) never ends by itself: its status and headers are the answer.
                    var streams = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.ContentTypes.Contains("text/event-stream"));
                    foreach (var query in new[] { "?limit=-5&cursor=%%%&after=abc", "?status=%3Cscript%3E&overdue=maybe&format=zzz", "?limit=99999999999" })
                    {
                        if (streams)
                        {
                            using var response = await admin.GetAsync(url + query, HttpCompletionOption.ResponseHeadersRead);
                            Assert.True((int)response.StatusCode < 500, $"GET {url}{query}: {(int)response.StatusCode}");
                        }
                        else
                        {
                            Problems.NotServerError(await admin.GetJsonAsync(url + query), $"GET {url}{query}");
                        }
                        sent++;
                    }
                    continue;
                }
                foreach (var body in GarbageBodies)
                foreach (var headers in new[] { Array.Empty<(string, string)>(), [("If-Match", "abc"), ("Accept-Language", "zh-CN")], [("If-Match", "\"99\""), ("Idempotency-Key", "garbage")] })
                {
                    var content = new StringContent(body, Encoding.UTF8, "application/json");
                    Problems.NotServerError(await admin.SendAsync(new HttpMethod(method), url, content, headers), $"{method} {url} {body[..Math.Min(body.Length, 40)]}");
                    sent++;
                }
            }
        }
        Assert.True(sent > 100, $"only {sent} requests were sent");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }
}

public sealed class ServerErrorsOnSqlite(SqliteApiFactory api) : ServerErrorTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class ServerErrorsOnPostgres(PostgresApiFactory api) : ServerErrorTests(api), IClassFixture<PostgresApiFactory>;
