using System.Globalization;
using System.Text;

namespace Workflow.Api.Paging;

/// <summary>
/// Opaque keyset cursors: the last key of a page, base64url-encoded with the list's name so a
/// cursor from one list is refused by another. Paging never uses OFFSET.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(string list, long key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{list}:{key.ToString(CultureInfo.InvariantCulture)}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, string list, out long key)
    {
        key = 0;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith(list + ":", StringComparison.Ordinal)
                   && long.TryParse(text.AsSpan(list.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out key);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
}
