using Microsoft.EntityFrameworkCore;
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
            throw new InvalidOperationException(
                $"The definitions in {folder} have problems; fix them before starting:{Environment.NewLine}{string.Join(Environment.NewLine, load.Problems)}");

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

        foreach (var (kind, identity) in files)
        {
            var existing = await db.Definitions.SingleOrDefaultAsync(
                d => d.Kind == kind && d.DefinitionId == identity.DefinitionId && d.Version == identity.Version, cancellationToken);
            var file = byIdentity[(kind, identity.DefinitionId, identity.Version)];
            if (existing is null)
            {
                db.Definitions.Add(new PublishedDefinition
                {
                    Kind = kind, DefinitionId = identity.DefinitionId, Version = identity.Version, ContentHash = identity.ContentHash,
                    Json = file.Json, Source = FileSource, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = "workflows/",
                });
                continue;
            }
            if (existing.ContentHash == identity.ContentHash) continue;
            if (existing.Source == FileSource)
                throw new InvalidOperationException(
                    $"{Path.GetRelativePath(folder, file.Path)} changed, but {identity} was already published from the files with different content " +
                    $"(hash {existing.ContentHash[..12]}…, now {identity.ContentHash[..12]}…). Give the changed definition a new version.");
            logger.LogWarning("{File} has {Identity}, which was published through the API with other content; the API's version stays.",
                file.Path, identity.ToString());
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
