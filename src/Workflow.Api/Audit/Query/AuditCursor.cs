using System.Globalization;
using System.Text;

namespace Workflow.Api.Audit.Query;

/// <summary>The opaque cursor of the audit query: the (At, Id) of the last entry of a page, base64url-encoded.</summary>
public static class AuditCursor
{
    private const string Prefix = "audit:";

    public readonly record struct Position(DateTime At, long Id);

    public static string Encode(DateTime at, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{at.Ticks}:{id}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True with no position for an absent cursor; false for anything that is not one of ours.</summary>
    public static bool TryDecode(string? cursor, out Position? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
            var parts = text[Prefix.Length..].Split(':');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || ticks > DateTime.MaxValue.Ticks)
                return false;
            position = new Position(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
