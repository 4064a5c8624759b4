using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Engine.Definitions;
using Workflow.Storage;
using Workflow.Storage.Definitions;
using Workflow.Storage.Providers;

namespace Workflow.Api.Tests.Definitions;

/// <summary>
/// The start-up import of workflows/ by the engine's identity rule, across restarts of the service
/// over the same database: the same files are the same versions, a changed file under a version
/// already imported stops the start, and a version published through the API is never overridden.
/// </summary>
public abstract class DefinitionImportTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("campaign-definitions-").FullName;

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync()
    {
        foreach (var file in new[] { "phases/study-phase.json", "phases/analysis-phase.json", "phases/rectification-phase.json", "templates/scientific-outlook-campaign.json" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, file))!);
            File.Copy(Path.Combine(DefinitionDocs.Folder, file), Path.Combine(_folder, file));
        }
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>One start of the service; the caller disposes it (the database stays).</summary>
    private async Task<FolderApiFactory> StartAsync()
    {
        var factory = new FolderApiFactory(Provider.ToString(), ConnectionString, _folder);
        try
        {
            await factory.InitializeAsync();
            return factory;
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    private async Task<List<PublishedDefinition>> Rows()
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(options, Provider, ConnectionString);
        await using var db = new CampaignDbContext(options.Options);
        return await db.Definitions.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync();
    }

    private static string[] Identities(IEnumerable<PublishedDefinition> rows) =>
        rows.Select(r => $"{r.Kind}:{r.DefinitionId}:v{r.Version}:{r.Source}:{r.ContentHash}:{r.PublishedAt:O}").ToArray();

    [Fact]
    public async Task SameFilesAgain_AreOneVersionEach()
    {
        await (await StartAsync()).DisposeAsync();
        var first = await Rows();
        Assert.Equal(
            ["template:scientific-outlook-campaign:v1", "workflow:analysis-phase:v1", "workflow:rectification-phase:v1", "workflow:study-phase:v1"],
            first.Select(r => $"{r.Kind}:{r.DefinitionId}:v{r.Version}"));
        Assert.All(first, r => Assert.Equal(("file", DefinitionParser.Parse(r.Json).Identity!.ContentHash), (r.Source, r.ContentHash)));

        // A second start over the same database, with the same file twice in the folder: nothing new.
        File.Copy(Path.Combine(_folder, "phases/study-phase.json"), Path.Combine(_folder, "phases/study-phase-copy.json"));
        await (await StartAsync()).DisposeAsync();
        Assert.Equal(Identities(first), Identities(await Rows()));
    }

    [Fact]
    public async Task ChangedFileUnderTheSameVersion_StopsTheStart_NamingFileAndVersion()
    {
        await (await StartAsync()).DisposeAsync();
        var before = await Rows();
        var path = Path.Combine(_folder, "phases/study-phase.json");
        var original = File.ReadAllText(path);
        var changed = original.Replace("\"name\": \"学习调研\"", "\"name\": \"学习调研（改）\"");
        Assert.NotEqual(original, changed);
        File.WriteAllText(path, changed);

        // The real program, as an operator starts it: one line on standard error, exit code 1, no stack trace.
        var dataFolder = Directory.CreateTempSubdirectory("campaign-import-start-").FullName;
        try
        {
            var (exitCode, output, error) = await Identity.CreateKeyCommandTests.RunProgramAsync(
            [
                "--urls", "http://127.0.0.1:0", $"--Storage:Provider={Provider}", $"--Storage:ConnectionString={ConnectionString}",
                $"--Storage:DataFolder={dataFolder}", $"--Definitions:Folder={_folder}",
            ]);
            Assert.Equal(1, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("Start-up stopped: ", line);
            Assert.Contains(Path.Combine("phases", "study-phase.json"), line);
            Assert.Contains("workflow study-phase v1", line);
            Assert.DoesNotContain("   at ", output + error);
            Assert.DoesNotContain("Unhandled exception", output + error);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        Assert.Equal(Identities(before), Identities(await Rows()));
    }

    [Fact]
    public async Task VersionPublishedThroughTheApi_IsNotOverriddenByAFile()
    {
        string apiHash;
        await using (var api = await StartAsync())
        {
            var designer = await api.ClientAsync("designer.zhou", Roles.Admin);
            var draft = await designer.PostJsonAsync("/api/v1/workflows/drafts", DefinitionDocs.StudyPhaseWithPreparatoryMeeting());
            var published = await designer.SendJsonAsync(HttpMethod.Post, $"{draft.Header("Location")}/publish", null);
            Assert.Equal("/api/v1/workflows/study-phase/versions/2", published.Header("Location"));
            apiHash = published.Json.GetProperty("version").GetProperty("contentHash").GetString()!;
        }
        // Later someone adds a file with the same id and version but other content.
        var file = DefinitionDocs.StudyPhase();
        file["version"] = 2;
        file["name"] = "学习调研（文件版）";
        File.WriteAllText(Path.Combine(_folder, "phases/study-phase-v2.json"), file.ToJsonString());

        await using (var restarted = await StartAsync())
        {
            var warning = Assert.Single(restarted.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("study-phase v2", StringComparison.Ordinal));
            Assert.Contains("through the API", warning.Message);
            var client = await restarted.ClientAsync("integrator", Roles.Operator);
            var kept = await client.GetJsonAsync("/api/v1/workflows/study-phase/versions/2");
            Assert.Equal(HttpStatusCode.OK, kept.Status);
            Assert.Equal(("api", "designer.zhou", apiHash), (kept.Json.GetProperty("version").GetProperty("source").GetString(),
                kept.Json.GetProperty("version").GetProperty("publishedBy").GetString(), kept.Json.GetProperty("version").GetProperty("contentHash").GetString()));
        }
        Assert.Single(await Rows(), r => r.DefinitionId == "study-phase" && r.Version == 2);
    }
}

public sealed class DefinitionImportOnSqlite : DefinitionImportTests
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"campaign-import-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_database};Pooling=False";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" }) File.Delete(file);
    }
}

[Trait("Database", "PostgreSql")]
public sealed class DefinitionImportOnPostgres : DefinitionImportTests
{
    private readonly PostgresTestDatabase _database = new("import");

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString => _database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _database.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}
