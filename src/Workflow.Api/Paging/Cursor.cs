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

    /// <summary>The page size: the default when none is asked for. Call <see cref="Refuse"/> first: a size out of range is refused, not clamped.</summary>
    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    /// <summary>A 400 for a page size below 1 or above <paramref name="max"/>; null when it is in range or not given.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refuse(HttpContext context, int? limit, int max = MaxLimit) =>
        limit is { } asked && (asked < 1 || asked > max)
            ? Errors.ApiProblem.Create(context, 400, Errors.ProblemCodes.LimitInvalid,
                ("value", asked.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture)))
            : null;

    /// <summary>A 400 for a filter value that no row can have (a list filtered by it would be silently empty); null when allowed or not given.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? RefuseFilter(HttpContext context, string parameter, string? value, IReadOnlyCollection<string> allowed) =>
        value is not null && !allowed.Contains(value, StringComparer.Ordinal)
            ? Errors.ApiProblem.Create(context, 400, Errors.ProblemCodes.FilterInvalid,
                ("parameter", parameter), ("value", value.Length > 60 ? value[..60] + "…" : value), ("allowed", string.Join(", ", allowed)))
            : null;
}
