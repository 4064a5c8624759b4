using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <summary>
/// <c>create-key --principal NAME --roles admin[,operator…] [--act-for-others] [--owner PERSON] [--expires TIME]</c>: issues an API key
/// on the configured database (migrating it first), prints the key alone on standard output, and
/// exits. The way to get the first key on SQL Server or PostgreSQL, where no key is made at start.
/// </summary>
public sealed record CreateKeyCommand(string Principal, IReadOnlyList<string> Roles, bool CanActForOthers, string? Owner = null, DateTimeOffset? Expires = null)
{
    public const string Name = "create-key";

    public const string Usage =
        "usage: create-key --principal NAME --roles ROLE[,ROLE…] [--act-for-others] [--owner PERSON] [--expires TIME]" + "\n" +
        "  roles: admin, operator, participant, auditor. TIME: an ISO 8601 time with its offset (2027-06-30T00:00:00Z)" + "\n" +
        "  or a duration in days (90d). Other arguments (--Storage:Provider=…) configure the host as usual.";

    /// <summary>
    /// Recognises the command at the start of the arguments. Returns null when the arguments are a
    /// normal start (<paramref name="hostArgs"/> is then all of them); otherwise the command, or an
    /// error, and the arguments left for the host's configuration.
    /// </summary>
    public static ParseResult? Parse(string[] args, out string[] hostArgs)
    {
        hostArgs = args;
        if (args.Length == 0 || args[0] != Name) return null;
        string? principal = null;
        string? roles = null;
        string? owner = null;
        string? expires = null;
        var actForOthers = false;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--principal" when i + 1 < args.Length:
                    principal = args[++i];
                    break;
                case "--roles" when i + 1 < args.Length:
                    roles = args[++i];
                    break;
                case "--owner" when i + 1 < args.Length:
                    owner = args[++i];
                    break;
                case "--expires" when i + 1 < args.Length:
                    expires = args[++i];
                    break;
                case "--act-for-others":
                    actForOthers = true;
                    break;
                case "--principal" or "--roles" or "--owner" or "--expires":
                    hostArgs = [.. rest];
                    return new ParseResult(null, $"{args[i]} needs a value.");
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        hostArgs = [.. rest];
        if (string.IsNullOrWhiteSpace(principal)) return new ParseResult(null, "--principal is required.");
        if (string.IsNullOrWhiteSpace(roles)) return new ParseResult(null, "--roles is required.");
        var list = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).Distinct().ToList();
        var unknown = list.Where(r => !Identity.Roles.All.Contains(r)).ToList();
        if (list.Count == 0 || unknown.Count > 0)
            return new ParseResult(null, $"unknown role(s): {string.Join(", ", unknown)}; use {string.Join(", ", Identity.Roles.All)}.");
        DateTimeOffset? expiry = null;
        if (expires is not null)
        {
            if (ParseExpiry(expires) is not { } parsed) return new ParseResult(null, $"--expires '{expires}' is neither an ISO 8601 time with offset nor a number of days (90d).");
            expiry = parsed;
        }
        return new ParseResult(new CreateKeyCommand(principal.Trim(), list, actForOthers, string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(), expiry), null);
    }

    /// <summary>An absolute time (its offset required, so it means one moment), or "Nd" from now; null when neither.</summary>
    private static DateTimeOffset? ParseExpiry(string text)
    {
        if (text.EndsWith('d') && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days > 0)
            return DateTimeOffset.UtcNow.AddDays(days);
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:\d\d$");
        return hasOffset && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
    }

    /// <summary>Migrates the database, issues the key and writes it to <paramref name="output"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (Expires is { } expires && expires <= scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow())
            throw new InvalidOperationException($"--expires {expires:O} has already passed.");
        var (key, _) = await scope.ServiceProvider.GetRequiredService<ApiKeyIssuer>().IssueAsync(
            new ApiKeyIssuer.KeyRequest(Principal, Roles, CanActForOthers, Owner, Expires?.UtcDateTime), cancellationToken);
        // The key alone on standard output, so scripts can capture it; it is stored only as a hash.
        await output.WriteLineAsync(key);
        await output.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>Runs the command for the host's Program: exit code 0 with the key, 1 with a one-line reason.</summary>
    public async Task<int> RunForHostAsync(IServiceProvider services)
    {
        try
        {
            return await RunAsync(services, Console.Out);
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"{Name}: no key was created: {exception.GetBaseException().Message}");
            return 1;
        }
    }

    /// <summary>Bad arguments: the reason and the usage on standard error, exit code 2.</summary>
    public static async Task<int> ReportUsageAsync(string error)
    {
        await Console.Error.WriteLineAsync($"{Name}: {error}{Environment.NewLine}{Usage}");
        return 2;
    }

    /// <summary>Standard output carries only the key; warnings and errors go to standard error.</summary>
    public static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        // Opening a database that does not exist yet fails once before it is created: not worth a log line
        // here, and a real failure ends the command with its message anyway.
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
    }

    public sealed record ParseResult(CreateKeyCommand? Command, string? Error);
}
