namespace Workflow.Api.Campaigns;

/// <summary>
/// In-process queues in front of the database's locks. Commands to one campaign wait here, in arrival order and without
/// holding a connection, instead of in the database, so on one server they never race each other's version check. On
/// SQLite, which has one writer per file, commits to any campaign also queue here: the lock is handed on at once, where
/// SQLite's busy handler would let a waiting writer nap (up to 100 ms at a time). Other servers still race, and lose to
/// the version check, which stays the guard across servers.
/// </summary>
public sealed class CommandGates
{
    private readonly Dictionary<Guid, Gate> campaigns = [];
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    /// <summary>Waits for the campaign's turn on this server.</summary>
    public async ValueTask<IDisposable> CampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (campaigns)
        {
            if (!campaigns.TryGetValue(campaignId, out gate!)) campaigns[campaignId] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(campaignId, gate);
            throw;
        }
        return new Turn(() =>
        {
            gate.Semaphore.Release();
            Leave(campaignId, gate);
        });
    }

    /// <summary>Waits for this server's turn to write to a SQLite file (no wait for other databases).</summary>
    public async ValueTask<IDisposable?> WriterAsync(bool sqlite, CancellationToken cancellationToken)
    {
        if (!sqlite) return null;
        await sqliteWriter.WaitAsync(cancellationToken);
        return new Turn(() => sqliteWriter.Release());
    }

    /// <summary>Campaigns with a command running or waiting on this server (for tests: the map must not grow).</summary>
    public int Held
    {
        get { lock (campaigns) return campaigns.Count; }
    }

    private void Leave(Guid campaignId, Gate gate)
    {
        lock (campaigns)
            if (--gate.Users == 0) campaigns.Remove(campaignId);
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private sealed class Turn(Action release) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) release();
        }
    }
}
