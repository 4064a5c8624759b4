using Workflow.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage.History;

namespace Workflow.Storage.Feed;

/// <summary>
/// Reads the ledger in commit order without ever skipping an entry: a position is handed out only
/// when every lower position is committed. On PostgreSQL that fence is the oldest transaction still
/// running (<c>pg_snapshot_xmin</c>): entries carry their transaction's id (xid8), so an entry whose
/// id was taken early but committed late is still ahead of every cursor that has passed. SQL Server
/// does the same with rowversion and <c>MIN_ACTIVE_ROWVERSION()</c>. SQLite serializes writers, so
/// the id order is the commit order.
/// </summary>
public static class FeedReader
{
    /// <summary>The most entries one read looks at (the unit of work of a page, whatever the filters).</summary>
    public const int MaxWindow = 1000;

    /// <summary>
    /// The entries after <paramref name="after"/> in commit order, at most <paramref name="window"/>
    /// of them, and the position after the last one (or <paramref name="after"/> when there is none).
    /// </summary>
    public static async Task<FeedWindow> ReadAsync(CampaignDbContext db, FeedPosition after, int window, CancellationToken cancellationToken)
    {
        window = Math.Clamp(window, 1, MaxWindow);
        var keys = await KeysAsync(db, after, window, cancellationToken);
        if (keys.Count == 0) return new FeedWindow([], after, Full: false);
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await db.History.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var entries = keys.Select(k => new FeedEntry(new FeedPosition(k.Commit, k.Id), rows[k.Id])).ToList();
        return new FeedWindow(entries, entries[^1].Position, Full: keys.Count == window);
    }

    /// <summary>The position of the newest entry every reader may see now (Start when there is none).</summary>
    public static async Task<FeedPosition> HeadAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var keys = await Query(db, DatabaseProviders.Of(db) switch
        {
            DatabaseProvider.PostgreSql => """
                SELECT "CommitXid"::text::bigint AS "Commit", "Id" AS "Id" FROM history
                WHERE "CommitXid" < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY "CommitXid" DESC, "Id" DESC LIMIT 1
                """,
            DatabaseProvider.SqlServer => """
                SELECT TOP (1) CAST(CommitVersion AS bigint) AS [Commit], Id AS [Id] FROM history
                WHERE CommitVersion < MIN_ACTIVE_ROWVERSION() ORDER BY CommitVersion DESC
                """,
            _ => """SELECT "Id" AS "Commit", "Id" AS "Id" FROM history ORDER BY "Id" DESC LIMIT 1""",
        }).ToListAsync(cancellationToken);
        return keys.Count == 0 ? FeedPosition.Start : new FeedPosition(keys[0].Commit, keys[0].Id);
    }

    /// <summary>
    /// The position a cursor names: <c>commit.id</c> as the feed hands them out, or a bare entry id
    /// (SQLite's cursors, and the feed's cursors from before it was commit-ordered, which are looked up).
    /// Null when the text is no cursor or names no entry.
    /// </summary>
    public static async Task<FeedPosition?> ResolveAsync(CampaignDbContext db, string? cursor, CancellationToken cancellationToken)
    {
        if (!FeedPosition.TryParse(cursor, out var position, out var bareId)) return null;
        if (bareId is not { } id || id == 0 || DatabaseProviders.Of(db) == DatabaseProvider.Sqlite) return position;
        return await PositionOfAsync(db, id, cancellationToken);
    }

    /// <summary>The position of an entry given by its id (a cursor from before the feed was commit-ordered); null when there is none.</summary>
    public static async Task<FeedPosition?> PositionOfAsync(CampaignDbContext db, long id, CancellationToken cancellationToken)
    {
        var keys = await Query(db, DatabaseProviders.Of(db) switch
        {
            DatabaseProvider.PostgreSql => """SELECT "CommitXid"::text::bigint AS "Commit", "Id" AS "Id" FROM history WHERE "Id" = {0}""",
            DatabaseProvider.SqlServer => "SELECT CAST(CommitVersion AS bigint) AS [Commit], Id AS [Id] FROM history WHERE Id = {0}",
            _ => """SELECT "Id" AS "Commit", "Id" AS "Id" FROM history WHERE "Id" = {0}""",
        }, id).ToListAsync(cancellationToken);
        return keys.Count == 0 ? null : new FeedPosition(keys[0].Commit, keys[0].Id);
    }

    private static Task<List<Key>> KeysAsync(CampaignDbContext db, FeedPosition after, int window, CancellationToken cancellationToken) =>
        (DatabaseProviders.Of(db) switch
        {
            // Row comparison on (xid8, id) walks the feed index; the fence leaves out every transaction still running.
            DatabaseProvider.PostgreSql => Query(db, """
                SELECT "CommitXid"::text::bigint AS "Commit", "Id" AS "Id" FROM history
                WHERE ("CommitXid", "Id") > ({0}::text::xid8, {1}) AND "CommitXid" < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY "CommitXid", "Id" LIMIT {2}
                """, after.Commit.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Id, window),
            // rowversion is unique in the database, so it orders the entries of one commit too.
            DatabaseProvider.SqlServer => Query(db, """
                SELECT TOP ({1}) CAST(CommitVersion AS bigint) AS [Commit], Id AS [Id] FROM history
                WHERE CommitVersion > CAST({0} AS binary(8)) AND CommitVersion < MIN_ACTIVE_ROWVERSION()
                ORDER BY CommitVersion
                """, after.Commit, window),
            _ => Query(db, """SELECT "Id" AS "Commit", "Id" AS "Id" FROM history WHERE "Id" > {0} ORDER BY "Id" LIMIT {1}""", after.Id, window),
        }).ToListAsync(cancellationToken);

    private static IQueryable<Key> Query(CampaignDbContext db, string sql, params object[] parameters) =>
        db.Database.SqlQueryRaw<Key>(sql, parameters);

    /// <summary>A row of the position queries.</summary>
    internal sealed class Key
    {
        public long Commit { get; set; }
        public long Id { get; set; }
    }


}

/// <summary>One entry and its place in the feed.</summary>
public sealed record FeedEntry(FeedPosition Position, HistoryEntry Entry);

/// <summary>A run of the feed: its entries, where the next read goes on from, and whether it stopped at its size (more may follow at once).</summary>
public sealed record FeedWindow(IReadOnlyList<FeedEntry> Entries, FeedPosition Next, bool Full);
