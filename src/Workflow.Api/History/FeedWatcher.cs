using Microsoft.EntityFrameworkCore;
using Workflow.Api.Telemetry;
using Workflow.Storage;
using Workflow.Storage.Feed;

namespace Workflow.Api.History;

/// <summary>
/// One watcher per server of the feed's head, so long-polls and event streams wait on a signal
/// instead of each asking the database in a loop. It asks every 100 ms (an index seek), which also
/// sees what other servers on the same database commit.
/// </summary>
public sealed class FeedWatcher(IServiceScopeFactory scopes, TimeProvider clock, WorkflowTelemetry telemetry, ILogger<FeedWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FeedPosition _head = FeedPosition.Start;
    private bool _headRead;
    private readonly Lock _gate = new();

    /// <summary>The newest position this server has seen committed (refreshed every 100 ms).</summary>
    public FeedPosition Head
    {
        get { lock (_gate) return _head; }
    }

    /// <summary>Returns once the head is past <paramref name="position"/>, or when <paramref name="timeout"/> runs out.</summary>
    public async Task WaitPastAsync(FeedPosition position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task moved;
        lock (_gate)
        {
            if (IsAfter(_head, position)) return;
            moved = _moved.Task;
        }
        try
        {
            await moved.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
                var head = await FeedReader.HeadAsync(db, stoppingToken);
                TaskCompletionSource? moved = null;
                var seenBefore = _headRead;
                _headRead = true;
                lock (_gate)
                {
                    if (head != _head)
                    {
                        _head = head;
                        moved = _moved;
                        _moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
                moved?.TrySetResult();
                if (moved is not null && seenBefore && head.Id > 0)
                {
                    // Feed lag: the newest readable entry's age when this node first sees it (one seek by key, only when the head moves; not
                    // at start, when the head seen first may be days old).
                    var written = await db.History.AsNoTracking().Where(h => h.Id == head.Id).Select(h => (DateTime?)h.At).SingleOrDefaultAsync(stoppingToken);
                    if (written is { } at) telemetry.FeedAdvanced(clock.GetUtcNow().UtcDateTime - at);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away for a moment (or not migrated yet at start): waiters time out meanwhile.
                logger.LogDebug(exception, "The feed's head could not be read.");
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static bool IsAfter(FeedPosition a, FeedPosition b) => a.Commit > b.Commit || (a.Commit == b.Commit && a.Id > b.Id);
}
