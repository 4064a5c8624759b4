using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// One API server of a cluster: a real process with a data folder of its own, on the cluster's
/// shared database. It can be SIGKILLed and started again (on a new port), and clients always
/// reach whatever process holds the slot now.
/// </summary>
public sealed class ClusterNode(int index, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory($"campaign-node{index}-").FullName;
    private volatile ApiProcess? _process;

    public int Index { get; } = index;

    /// <summary>The node's own folder (signing keys; on SQLite also the database, campaigns.db); it outlives a restart.</summary>
    public string DataFolder => _dataFolder;

    /// <summary>Where the node listens now; null while it is down.</summary>
    public Uri? Address => _process is { HasExited: false } process ? process.Address : null;

    public string Output => _process?.Output ?? "";

    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>(environment) { ["Storage__DataFolder"] = _dataFolder };
        _process = await ApiProcess.StartAsync(settings, TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGKILL, then the slot is empty until <see cref="StartAsync"/>.</summary>
    public async Task KillAsync()
    {
        var process = _process;
        _process = null;
        if (process is null) return;
        process.Kill();
        await process.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
