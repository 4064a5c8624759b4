using System.Net;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Activities;

namespace Workflow.Api.Tests.Operations;

/// <summary>Health without a key, and the activity catalog a designer builds its palette from.</summary>
public abstract class HealthAndCatalogTests(ApiFactory api)
{
    [Fact]
    public async Task Health_LiveAndReady_WithoutAKey()
    {
        using var client = api.CreateClient();
        var live = await client.GetJsonAsync("/health/live");
        Assert.Equal((HttpStatusCode.OK, "live"), (live.Status, live.Json.GetProperty("status").GetString()));
        var ready = await client.GetJsonAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "ready"), (ready.Status, ready.Json.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ActivityDescriptors_ListEveryCatalogType_WithItsResultSchema()
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetJsonAsync("/api/v1/activity-descriptors")).Status);

        var client = await api.ClientAsync("auditor", Roles.Auditor);
        var response = await client.GetJsonAsync("/api/v1/activity-descriptors");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var descriptors = response.Json.EnumerateArray().ToList();
        Assert.Equal(ActivityCatalog.All.Select(d => d.TypeName), descriptors.Select(d => d.GetProperty("typeName").GetString()));
        Assert.All(descriptors, d =>
        {
            var schema = d.GetProperty("resultSchema");
            Assert.Equal(System.Text.Json.JsonValueKind.Object, schema.ValueKind);
            Assert.Equal("object", schema.GetProperty("type").GetString());
        });
        var appraisal = descriptors.Single(d => d.GetProperty("typeName").GetString() == "Campaign.Appraisal");
        Assert.True(appraisal.GetProperty("resultSchema").GetProperty("properties").TryGetProperty("participants", out _));
        // Chinese names are written as they are.
        Assert.Contains("\"zh-CN\":\"开始\"", await (await client.GetAsync("/api/v1/activity-descriptors")).Content.ReadAsStringAsync());
    }
}

public sealed class HealthAndCatalogOnSqlite(SqliteApiFactory api) : HealthAndCatalogTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class HealthAndCatalogOnPostgres(PostgresApiFactory api) : HealthAndCatalogTests(api), IClassFixture<PostgresApiFactory>;
