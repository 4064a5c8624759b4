using System.Net;
using Npgsql;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Errors;

/// <summary>
/// A host that connects as an ordinary role owning its database, as production does: unlike the superuser the other
/// tests use, it is held to the database's connection limit.
/// </summary>
public sealed class OwnerRolePostgresApiFactory : ApiFactory
{
    public string DatabaseName { get; } = "api_" + Guid.NewGuid().ToString("N")[..16];

    private string Role => DatabaseName + "_owner";

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = DatabaseName, Username = Role }.ConnectionString;

    public Task LimitConnectionsAsync(int limit) => PostgresServer.ExecuteAsync($"ALTER DATABASE \"{DatabaseName}\" CONNECTION LIMIT {limit}");

    public override async Task InitializeAsync()
    {
        await PostgresServer.ExecuteAsync($"CREATE ROLE \"{Role}\" LOGIN");
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{DatabaseName}\" OWNER \"{Role}\"");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(DatabaseName);
        await PostgresServer.ExecuteAsync($"DROP ROLE IF EXISTS \"{Role}\"");
    }
}

/// <summary>
/// When PostgreSQL gives no connection (its limit reached, as under a storm of commands on a small server), a request is
/// answered 503 with Retry-After and a message saying to try again, not a 500; nothing is applied, and the same process
/// serves again once connections are to be had.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class DatabaseUnavailableTests(OwnerRolePostgresApiFactory api) : IClassFixture<OwnerRolePostgresApiFactory>
{
    [Fact]
    public async Task NoConnectionToBeHad_Is503WithRetryAfter_NothingIsApplied_AndTheServerServesAgain()
    {
        var client = await api.ClientAsync("campaign-office", Roles.Operator);
        var campaign = await CampaignSteps.StartedAsync(client);
        var version = (await client.GetJsonAsync(campaign)).Json.GetProperty("version").GetInt64();

        await api.LimitConnectionsAsync(0);
        // The pool's idle connections go, so every request must open one and is refused by the server.
        NpgsqlConnection.ClearAllPools();
        try
        {
            var read = await client.GetJsonAsync(campaign);
            Problems.Assert(read, HttpStatusCode.ServiceUnavailable, "server.database_unavailable", "Try again in a moment");
            Assert.Equal("1", read.Header("Retry-After"));
            var command = await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "suspend", reason = "数据库不可用测试" }, ("Accept-Language", "zh-CN"));
            Problems.Assert(command, HttpStatusCode.ServiceUnavailable, "server.database_unavailable", "请稍后重试");
        }
        finally
        {
            await api.LimitConnectionsAsync(-1);
        }

        var after = await client.GetJsonAsync(campaign);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(version, after.Json.GetProperty("version").GetInt64());
        Assert.False(after.Json.GetProperty("suspended").GetBoolean());
    }
}
