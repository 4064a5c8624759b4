using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Quartz;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;

namespace Workflow.Api.Audit.Anchoring;

/// <summary>Scheduled anchoring: the service, its Quartz job, its sinks, and "anchor now" for admins.</summary>
public static class AnchoringSetup
{
    public static IServiceCollection AddAnchoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AnchoringOptions>(configuration.GetSection(AnchoringOptions.Section));
        services.AddScoped<LedgerAnchoring>();
        return services;
    }

    /// <summary>Called from the scheduler's set-up: the anchoring job beside the timer sweep, in the same clustered store.</summary>
    public static void AddAnchoringJob(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AnchoringOptions.Section).Get<AnchoringOptions>() ?? new AnchoringOptions();
        if (settings.Interval <= TimeSpan.Zero) return;
        quartz.AddJob<AnchoringJob>(job => job.WithIdentity(AnchoringJob.Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(AnchoringJob.Key).WithIdentity("anchoring", "campaign-timers").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(settings.CheckEvery).RepeatForever()));
    }

    /// <summary>At start-up, after the migrations.</summary>
    public static async Task EnsureAnchorSinksAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await AnchorSinks.EnsureAsync(provider.GetRequiredService<CampaignDbContext>(), provider.GetRequiredService<IOptions<AnchoringOptions>>().Value,
            provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static IEndpointRouteBuilder MapAnchoring(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/audit/anchors", AnchorNow).WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Anchor now (admins), with a reason: a signed checkpoint of every ledger stream that moved since its last anchor, sent to the configured sinks")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    /// <summary>Why an admin anchors out of schedule (before an audit, after a restore…): recorded on the anchor entries.</summary>
    public sealed record AnchorRequest(string? Reason);

    public const int ReasonMaxLength = 500;

    private static async Task<Results<Ok<AnchoringRun>, ProblemHttpResult>> AnchorNow(AnchorRequest request, HttpContext context, LedgerAnchoring anchoring, CancellationToken cancellationToken)
    {
        if (request.Reason is not { } reason || string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonMaxLength || !DefinitionLedger.IsValidText(reason)
            || reason.Contains('\0'))
            return ApiProblem.Create(context, 400, ProblemCodes.RequestInvalid,
                ("error", $"reason is required: say why you anchor now, in at most {ReasonMaxLength} characters."));
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        return TypedResults.Ok(await anchoring.AnchorAsync(cancellationToken, actor.Principal, reason.Trim()));
    }
}
