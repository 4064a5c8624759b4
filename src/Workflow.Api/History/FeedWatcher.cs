using Workflow.Storage;
using Workflow.Storage.Feed;

namespace Workflow.Api.History;

/// <summary>
/// One watcher per server of the feed's head, so long-polls and event streams wait on a signal
/// instead of each asking the database in a loop. It asks every 100 ms (an index seek), which also
/// sees what other servers on the same database commit.
/// </summary>
public sealed class FeedWatcher(IServiceScopeFactory scopes, ILogger<FeedWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FeedPosition _head = FeedPosition.Start;
    private readonly Lock _gate = new();

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
                var head = await FeedReader.HeadAsync(scope.ServiceProvider.GetRequiredService<CampaignDbContext>(), stoppingToken);
                TaskCompletionSource? moved = null;
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
