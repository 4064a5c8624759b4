using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Workflow.Api.Errors;

namespace Workflow.Api.Security;

/// <summary>
/// Commands per principal: a token bucket per authenticated principal for every request that changes something (reads are
/// not limited here). An integrator's loop that runs away gets 429 with Retry-After instead of filling the ledger.
/// </summary>
public static class CommandRateLimit
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.CommandsPerSecond;
                if (perSecond <= 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    || HttpMethods.IsOptions(context.Request.Method) || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } principal)
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return RateLimitPartition.GetTokenBucketLimiter(principal, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0, AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (rejected, _) => new ValueTask(RateLimitProblem.WriteAsync(rejected.HttpContext, ProblemCodes.CommandsThrottled,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1)));
        });
        return services;
    }

    /// <summary>After authentication, so refused keys are counted and principals are known.</summary>
    public static IApplicationBuilder UseSecurityLimits(this IApplicationBuilder app)
    {
        app.Use((context, next) => context.RequestServices.GetRequiredService<SignInThrottle>().InvokeAsync(context, () => next(context)));
        return app.UseRateLimiter();
    }
}
