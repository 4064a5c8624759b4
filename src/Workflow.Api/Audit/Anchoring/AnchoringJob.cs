using Quartz;

namespace Workflow.Api.Audit.Anchoring;

/// <summary>
/// The Quartz job that anchors when it is due: once at a time across the cluster, re-run elsewhere
/// when its node dies. Whether it is due is the app's clock's call, so tests move that clock.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AnchoringJob(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("anchoring", "campaign-timers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var anchoring = scope.ServiceProvider.GetRequiredService<LedgerAnchoring>();
        if (await anchoring.IsDueAsync(cancellationToken)) await anchoring.AnchorAsync(cancellationToken);
    }
}
