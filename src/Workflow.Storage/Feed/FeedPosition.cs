using System.Globalization;

namespace Workflow.Storage.Feed;

/// <summary>
/// A place in the events feed, in commit order. <see cref="Commit"/> orders transactions as they
/// became visible: PostgreSQL's transaction id (xid8), SQL Server's rowversion, and on SQLite, where
/// writers are serialized, the entry id itself. <see cref="Id"/> orders the entries of one commit.
/// Written as <c>commit.id</c> (SQLite: the id alone); <c>0</c> is the start.
/// </summary>
public readonly record struct FeedPosition(long Commit, long Id)
{
    public static readonly FeedPosition Start = new(0, 0);

    public override string ToString() => Commit == Id
        ? Id.ToString(CultureInfo.InvariantCulture)
        : $"{Commit.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Reads a cursor: <c>commit.id</c> as this feed writes it, or a bare entry id (what the feed
    /// handed out before it was commit-ordered, and what SQLite's cursors still are).
    /// </summary>
    public static bool TryParse(string? text, out FeedPosition position, out long? bareId)
    {
        position = Start;
        bareId = null;
        if (string.IsNullOrEmpty(text)) return true;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            bareId = id;
            position = new FeedPosition(id, id);
            return true;
        }
        if (!long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var commit)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var entry)) return false;
        position = new FeedPosition(commit, entry);
        return true;
    }
}
