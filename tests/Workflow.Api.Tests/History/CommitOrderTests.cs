using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.History;

/// <summary>
/// The case that made the id-ordered feed skip entries, staged on PostgreSQL: transaction A takes
/// the lower id and commits last. While A is open the feed hands out neither entry (A's entry would
/// come first, and it is not there yet); once A commits, a follower gets both, exactly once, A's first.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class CommitOrderTests(PostgresApiFactory api) : IClassFixture<PostgresApiFactory>
{
    [Fact]
    public async Task AnEntryCommittedLate_BelowAnEntryCommittedEarly_IsStillDelivered_AndBothOnce()
    {
        var client = await api.ClientAsync("commit-order", Roles.Operator);
        await Feed.SettledAsync(api, client);
        var cursor = (await client.GetJsonAsync("/api/v1/events/head")).Json.GetProperty("cursor").GetString()!;
        var connectionString = await api.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        await using var first = new NpgsqlConnection(connectionString);
        await using var second = new NpgsqlConnection(connectionString);
        await first.OpenAsync();
        await second.OpenAsync();
        var (late, early) = (Guid.NewGuid(), Guid.NewGuid());

        await using var transactionA = await first.BeginTransactionAsync();
        var idA = await InsertAsync(first, transactionA, late);
        await using (var transactionB = await second.BeginTransactionAsync())
        {
            var idB = await InsertAsync(second, transactionB, early);
            Assert.True(idB > idA);
            await transactionB.CommitAsync();
        }

        var whileOpen = await client.GetJsonAsync($"/api/v1/events?after={cursor}&limit=100");
        Assert.Equal(HttpStatusCode.OK, whileOpen.Status);
        Assert.DoesNotContain(whileOpen.Json.GetProperty("items").EnumerateArray(), e => e.GetProperty("campaignId").GetGuid() == early);
        Assert.Equal(cursor, whileOpen.Json.GetProperty("cursor").GetString());

        await transactionA.CommitAsync();
        var (after, _) = await EventsFeedTests.ReadFeedAsync(api, client, cursor, 100);
        var mine = after.Select(e => e.GetProperty("campaignId").GetGuid()).Where(id => id == late || id == early).ToList();
        Assert.Equal([late, early], mine);
    }

    private static async Task<long> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid stream)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO history ("CampaignId", "Sequence", "At", "Kind", "Actor", "DefinitionId", "DefinitionVersion", "Payload", "PreviousHash", "Hash")
            VALUES (@stream, 1, now(), 'campaign.event', 'commit-order-test', 'test', 1, '{}', repeat('0', 64), repeat('a', 64))
            RETURNING "Id"
            """, connection, transaction);
        command.Parameters.AddWithValue("stream", stream);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
