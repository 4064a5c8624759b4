using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Storage;

/// <summary>The embedded database really runs durable and concurrent: WAL and synchronous=FULL on the app's own connections.</summary>
public sealed class SqlitePragmaTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static async Task<string> Pragma(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task AppContext_RunsWithWalAndFullSynchronous()
    {
        var (journal, synchronous, foreignKeys) = await api.DbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                return (await Pragma(connection, "journal_mode"), await Pragma(connection, "synchronous"), await Pragma(connection, "foreign_keys"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous); // FULL
        Assert.Equal("1", foreignKeys);
    }
}
