using Microsoft.Data.Sqlite;
using Workflow.Api.Tests.Definitions;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Two API servers (two hosts, each with its own data folder and memory) on one database, as two
/// nodes behind a load balancer: whatever one knows only from memory, the other does not.
/// </summary>
public abstract class TwoNodes : IAsyncLifetime
{
    private FolderApiFactory? _first;
    private FolderApiFactory? _second;

    public FolderApiFactory First => _first ?? throw new InvalidOperationException("not started");

    public FolderApiFactory Second => _second ?? throw new InvalidOperationException("not started");

    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Called with the first node before it starts (to put an earlier version's files in its data folder, say).</summary>
    protected virtual void BeforeFirstStart(FolderApiFactory first) { }

    public virtual async Task InitializeAsync()
    {
        _first = new FolderApiFactory(Provider, ConnectionString, DefinitionDocs.Folder);
        BeforeFirstStart(_first);
        await _first.InitializeAsync();
        _second = new FolderApiFactory(Provider, ConnectionString, DefinitionDocs.Folder);
        await _second.InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
    }
}

/// <summary>Both nodes on one SQLite file (WAL, as the embedded default).</summary>
public class TwoNodesOnSqlite : TwoNodes
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"campaign-nodes-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_database};Pooling=True";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }) File.Delete(file);
    }
}

/// <summary>Both nodes on one database of their own on the throwaway PostgreSQL server.</summary>
public class TwoNodesOnPostgres : TwoNodes
{
    private readonly PostgresTestDatabase _database = new("nodes");

    public override string Provider => "PostgreSql";

    public override string ConnectionString => _database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}
