using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Storage;

namespace Workflow.Api.Definitions;

/// <summary>
/// Every published definition version, compiled once and swapped whole when a version is
/// published or retracted. Retracted versions stay loaded: running campaigns are pinned to them.
/// </summary>
public sealed class DefinitionCatalog(ILogger<DefinitionCatalog> logger)
{
    private volatile Snapshot _current = new(DefinitionLibrary.Load([]).Library, new HashSet<(string, string, int)>());

    // One reload at a time: each reads the table after the change that caused it committed, so the
    // last swap always holds every committed version (two overlapping reloads could otherwise swap
    // in the older read last).
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public DefinitionLibrary Library => _current.Library;

    public CompiledTemplate? FindTemplate(string id, int version) => _current.Library.FindTemplate(id, version);

    public bool IsRetracted(string kind, string id, int version) => _current.Retracted.Contains((kind, id, version));

    /// <summary>A workflow new templates may use: published and not retracted.</summary>
    public CompiledWorkflow? FindUsableWorkflow(string id, int version)
    {
        var snapshot = _current;
        return snapshot.Retracted.Contains((DefinitionKinds.Workflow, id, version)) ? null : snapshot.Library.FindWorkflow(id, version);
    }

    public async Task ReloadAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var rows = await db.Definitions.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
            var load = DefinitionLibrary.Load(rows.Select(r => new DefinitionSource($"{r.Kind}:{r.DefinitionId}:v{r.Version}", r.Json)));
            foreach (var problem in load.Problems)
                logger.LogError("Published definition does not load: {Problem}", problem.ToString());
            var retracted = rows.Where(r => r.RetractedAt is not null).Select(r => (r.Kind, r.DefinitionId, r.Version)).ToHashSet();
            _current = new Snapshot(load.Library, retracted);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private sealed record Snapshot(DefinitionLibrary Library, HashSet<(string, string, int)> Retracted);
}
