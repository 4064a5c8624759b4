using Microsoft.EntityFrameworkCore;
using Workflow.Api.Database;
using Workflow.Engine.Definitions;
using Workflow.Storage;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>
/// Imports the JSON files of workflows/ as published versions at start-up, by the engine's
/// identity rule: the same file again is the same version; a changed file under a version the
/// files already published stops the start-up; a version published through the API is never overridden.
/// </summary>
public sealed class DefinitionImporter(CampaignDbContext db, IConfiguration configuration, TimeProvider clock, ILogger<DefinitionImporter> logger)
{
    public const string FileSource = "file";

    /// <summary>Who publishes the files: the folder, as the versions' publishedBy and the ledger entries' actor say.</summary>
    public const string Importer = "workflows/";

    public async Task ImportAsync(CancellationToken cancellationToken)
    {
        var folder = configuration["Definitions:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "workflows");
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No definitions folder at {Folder}; nothing imported.", folder);
            return;
        }
        var load = DefinitionLibrary.LoadFolder(folder);
        if (!load.Succeeded)
            throw new StartupStopped($"the definitions in {folder} have problems; fix them before starting: {string.Join("; ", load.Problems)}");

        var files = load.Library.Workflows.Select(w => (DefinitionKinds.Workflow, w.Definition.Identity))
            .Concat(load.Library.Templates.Select(t => (DefinitionKinds.Template, t.Template.Identity)));
        // Keyed by kind too: a workflow and a template may share an id and a version.
        var byIdentity = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path: p, Json: File.ReadAllText(p)))
            .Select(f => (f.Path, f.Json, Parsed: DefinitionParser.Parse(f.Json)))
            .GroupBy(f => (Kind: f.Parsed.Template is null ? DefinitionKinds.Workflow : DefinitionKinds.Template,
                f.Parsed.Identity!.DefinitionId, f.Parsed.Identity.Version))
            .ToDictionary(g => g.Key, g => g.First());

        // Under the definitions stream's lock, as every definition change: two servers starting at once
        // cannot both import (the loser runs again and finds the versions there).
        await DefinitionLedger.InTransactionAsync(db, async token =>
        {
            foreach (var (kind, identity) in files)
            {
                var existing = await db.Definitions.SingleOrDefaultAsync(
                    d => d.Kind == kind && d.DefinitionId == identity.DefinitionId && d.Version == identity.Version, token);
                var file = byIdentity[(kind, identity.DefinitionId, identity.Version)];
                if (existing is null)
                {
                    var row = new PublishedDefinition
                    {
                        Kind = kind, DefinitionId = identity.DefinitionId, Version = identity.Version, ContentHash = identity.ContentHash,
                        Json = file.Json, Source = FileSource, PublishedAt = Storage.UtcTime.Truncate(clock.GetUtcNow()), PublishedBy = Importer,
                    };
                    db.Definitions.Add(row);
                    // In the same save as the rows: the import and its entries are written together or not at all.
                    await DefinitionLedger.AppendAsync(db, new DefinitionLedger.Change(kind, DefinitionLedger.Imported, row.DefinitionId, row.Version,
                        row.ContentHash, null, "imported from " + Path.GetRelativePath(folder, file.Path).Replace('\\', '/'), null, DefinitionLedger.PublishedState),
                        DefinitionLedger.Importer(Importer), row.PublishedAt, token);
                    continue;
                }
                if (existing.ContentHash == identity.ContentHash) continue;
                if (existing.Source == FileSource)
                    throw new StartupStopped(
                        $"{Path.GetRelativePath(folder, file.Path)} changed, but {kind} {identity} was already published from the files with different content " +
                        $"(hash {existing.ContentHash[..12]}…, now {identity.ContentHash[..12]}…). Give the changed definition a new version.");
                logger.LogWarning("{File} has {Identity}, which was published through the API with other content; the API's version stays.",
                    file.Path, identity.ToString());
            }
            await db.SaveChangesAsync(token);
            return true;
        }, () => throw new InvalidOperationException("Importing the definitions kept conflicting with other writers."), cancellationToken);
    }
}
