using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Storage;

namespace Workflow.Api.Definitions;

/// <summary>What a lookup of one published version found.</summary>
public enum LookupStatus
{
    /// <summary>Published, and compiled (from the cache or just now).</summary>
    Loaded,

    /// <summary>No such published version.</summary>
    Missing,

    /// <summary>Published, but its row does not compile (or a phase workflow it names does not).</summary>
    Broken,
}

/// <summary>
/// A published version, compiled, with its retraction state as the database has it now (pinned
/// lookups, for campaigns already running on the version, do not read it and say false).
/// </summary>
public sealed record DefinitionLookup<T>(LookupStatus Status, T? Compiled, bool Retracted, string? Problem) where T : class;

/// <summary>
/// The published definitions, read from the database by (kind, id, version) when asked for and kept
/// compiled by content hash. A version is immutable, so a compiled one is never stale and is shared
/// by every request, and the hash of a (kind, id, version) never changes either: a campaign's pinned
/// version is found without a query once cached. The retraction state does change, so lookups for
/// new use (a new campaign, a template's workflows) read it, with the hash, from the database: a
/// version published or retracted on any server counts on the next such lookup on every server,
/// with nothing to reload. The caches hold at most <c>Definitions:CacheSize</c> versions (256 by
/// default), least recently used first out.
/// </summary>
public sealed class DefinitionCatalog(IConfiguration configuration, ILogger<DefinitionCatalog> logger)
{
    private readonly BoundedCache<(string Kind, string Hash), Lazy<Compilation>> _compiled =
        new(configuration.GetValue("Definitions:CacheSize", 256));

    private readonly BoundedCache<(string Kind, string Id, int Version), (long Row, string Hash)> _hashes =
        new(configuration.GetValue("Definitions:CacheSize", 256));

    private long _compilations;

    /// <summary>How many times a version was compiled here: once per content hash while it stays cached.</summary>
    internal long Compilations => Interlocked.Read(ref _compilations);

    internal int Cached => _compiled.Count;

    /// <summary>A template version for new use: its retraction state read now.</summary>
    public Task<DefinitionLookup<CompiledTemplate>> TemplateAsync(CampaignDbContext db, string id, int version, CancellationToken cancellationToken) =>
        LookupAsync<CompiledTemplate>(db, DefinitionKinds.Template, id, version, true, cancellationToken);

    /// <summary>The template version a campaign is pinned to, retracted or not (no query when it is cached).</summary>
    public Task<DefinitionLookup<CompiledTemplate>> PinnedTemplateAsync(CampaignDbContext db, string id, int version, CancellationToken cancellationToken) =>
        LookupAsync<CompiledTemplate>(db, DefinitionKinds.Template, id, version, false, cancellationToken);

    public Task<DefinitionLookup<CompiledWorkflow>> WorkflowAsync(CampaignDbContext db, string id, int version, CancellationToken cancellationToken) =>
        LookupAsync<CompiledWorkflow>(db, DefinitionKinds.Workflow, id, version, true, cancellationToken);

    /// <summary>The workflows among <paramref name="references"/> that new templates may use: published, compiled and not retracted.</summary>
    public async Task<IReadOnlyDictionary<WorkflowReference, CompiledWorkflow>> UsableWorkflowsAsync(
        CampaignDbContext db, IEnumerable<WorkflowReference> references, CancellationToken cancellationToken)
    {
        var usable = new Dictionary<WorkflowReference, CompiledWorkflow>();
        foreach (var reference in references.Distinct())
        {
            var lookup = await WorkflowAsync(db, reference.DefinitionId, reference.Version, cancellationToken);
            if (lookup is { Compiled: { } workflow, Retracted: false }) usable[reference] = workflow;
        }
        return usable;
    }

    private async Task<DefinitionLookup<T>> LookupAsync<T>(
        CampaignDbContext db, string kind, string id, int version, bool readRetraction, CancellationToken cancellationToken)
        where T : class
    {
        var retracted = false;
        if (readRetraction || !_hashes.TryGet((kind, id, version), out var stored))
        {
            var row = await db.Definitions.AsNoTracking().Where(d => d.Kind == kind && d.DefinitionId == id && d.Version == version)
                .Select(d => new { d.Id, d.ContentHash, Retracted = d.RetractedAt != null }).SingleOrDefaultAsync(cancellationToken);
            if (row is null) return new(LookupStatus.Missing, null, false, null);
            stored = _hashes.GetOrAdd((kind, id, version), (row.Id, row.ContentHash));
            retracted = row.Retracted;
        }
        var key = (kind, stored.Hash);
        if (!_compiled.TryGet(key, out var lazy))
        {
            // A miss reads that one row. Two requests missing together may both read it; the Lazy
            // in the cache makes sure only one of them compiles it.
            var json = await db.Definitions.AsNoTracking().Where(d => d.Id == stored.Row).Select(d => d.Json).SingleOrDefaultAsync(cancellationToken);
            if (json is null) return new(LookupStatus.Missing, null, false, null);
            var workflows = kind == DefinitionKinds.Template ? await PhaseWorkflowsAsync(db, json, cancellationToken) : null;
            lazy = _compiled.GetOrAdd(key, new Lazy<Compilation>(() => Compile(kind, $"{kind} {id} v{version}", stored.Hash, json, workflows)));
        }
        var compilation = lazy.Value;
        if (compilation.Compiled is T compiled) return new(LookupStatus.Loaded, compiled, retracted, null);
        // Not kept: what failed may be a phase workflow's row, which can be repaired.
        _compiled.Remove(key, lazy);
        return new(LookupStatus.Broken, null, retracted, compilation.Problem);
    }

    /// <summary>The compiled phase workflows a template document names, retracted or not: campaigns pinned to it go on.</summary>
    private async Task<IReadOnlyDictionary<WorkflowReference, CompiledWorkflow>?> PhaseWorkflowsAsync(
        CampaignDbContext db, string json, CancellationToken cancellationToken)
    {
        if (DefinitionParser.Parse(json).Template is not { } template) return null;
        var workflows = new Dictionary<WorkflowReference, CompiledWorkflow>();
        foreach (var reference in template.Phases.Select(p => p.Workflow).Distinct())
            if ((await LookupAsync<CompiledWorkflow>(db, DefinitionKinds.Workflow, reference.DefinitionId, reference.Version, false, cancellationToken))
                .Compiled is { } workflow)
                workflows[reference] = workflow;
        return workflows;
    }

    private Compilation Compile(string kind, string name, string storedHash, string json,
        IReadOnlyDictionary<WorkflowReference, CompiledWorkflow>? workflows)
    {
        Interlocked.Increment(ref _compilations);
        var parsed = DefinitionParser.Parse(json);
        ImmutableArray<Engine.Validation.ValidationError> errors = parsed.Errors;
        object? compiled = null;
        if (parsed.Succeeded && parsed.Identity!.ContentHash != storedHash)
            errors = [new(Engine.Validation.ValidationCodes.DefinitionVersionConflict,
                $"the stored document's hash is {parsed.Identity.ContentHash}, not the {storedHash} it was published with", "")];
        else if (parsed.Succeeded && kind == DefinitionKinds.Workflow && parsed.Workflow is { } workflow)
        {
            var compilation = WorkflowCompiler.Compile(workflow);
            (compiled, errors) = (compilation.Workflow, compilation.Errors);
        }
        else if (parsed.Succeeded && kind == DefinitionKinds.Template && parsed.Template is { } template)
        {
            var compilation = TemplateCompiler.Compile(template, r => workflows?.GetValueOrDefault(r));
            (compiled, errors) = (compilation.Template, compilation.Errors);
        }
        if (compiled is not null && errors.IsEmpty) return new Compilation(compiled, null);
        var problem = errors.IsEmpty ? $"the document is not a {kind}" : string.Join("; ", errors.Select(e => e.Message));
        logger.LogError("Published {Name} does not load: {Problem}", name, problem);
        return new Compilation(null, problem);
    }

    private sealed record Compilation(object? Compiled, string? Problem);
}
