using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Workflow.Api.Errors;

namespace Workflow.Api.Security;

/// <summary>Limits on what one caller may do in a while; 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Refused credentials (a wrong, revoked or expired key) one client address may send per minute before it gets 429s.</summary>
    public int FailedSignInsPerMinute { get; set; } = 60;

    /// <summary>Commands (POST, PUT, DELETE) one principal may send per second, sustained; twice as many may come at once.</summary>
    public int CommandsPerSecond { get; set; } = 100;
}

/// <summary>
/// Refused credentials are counted per client address: past the limit the answer is 429 with Retry-After instead of 401, so
/// guessing keys gets slow. Valid credentials are never counted, so an office behind one address keeps working.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var perMinute = options.Value.FailedSignInsPerMinute;
        if (perMinute <= 0) return;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>After authentication: a refused key past the limit is answered here with 429.</summary>
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (context.Items.ContainsKey(Identity.ApiKeyAuthentication.KeyRefusedItem) || context.Items.ContainsKey(Identity.OidcAuthentication.TokenRefusedItem))
        {
            if (CountFailure(context) is { } retryAfter)
            {
                await RateLimitProblem.WriteAsync(context, ProblemCodes.SignInThrottled, retryAfter);
                return;
            }
        }
        await next();
    }

    /// <summary>Counts one refused credential or wrong password from the caller's address; past the limit, how long to wait.</summary>
    public TimeSpan? CountFailure(HttpContext context)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(Address(context));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// Whether the address has used up its failures: a password is then not even checked, so a guess past the limit learns
    /// nothing (not even that it was right).
    /// </summary>
    public bool Exhausted(HttpContext context) =>
        _limiter is not null && _limiter.GetStatistics(Address(context)) is { CurrentAvailablePermits: <= 0 };

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose() => _limiter?.Dispose();
}

/// <summary>The 429 answer of both limits: a problem with its code, and when to try again.</summary>
internal static class RateLimitProblem
{
    public static async Task WriteAsync(HttpContext context, string code, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Create(context, 429, code, ("retryAfter", seconds.ToString(CultureInfo.InvariantCulture))).ExecuteAsync(context);
    }
}
