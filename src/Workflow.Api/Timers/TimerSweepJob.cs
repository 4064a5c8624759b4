using Quartz;

namespace Workflow.Api.Timers;

/// <summary>
/// The Quartz job that runs the sweep. One at a time across the cluster (DisallowConcurrentExecution
/// is enforced by the clustered job store), and re-run by another node when the one running it dies
/// (RequestRecovery); a firing the dead node had not committed is then written by the survivor, once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TimerSweepJob(TimerSweep sweep) : IJob
{
    public static readonly JobKey Key = new("timer-sweep", "campaign-timers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.SweepAsync(cancellationToken);
}
