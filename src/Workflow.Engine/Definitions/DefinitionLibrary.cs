using Workflow.Engine.Texts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Workflow.Engine.Compilation;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Definitions;

/// <summary>A definition document and where it came from (a file path, an API draft id).</summary>
public sealed record DefinitionSource(string Name, string Json);

/// <summary>A problem in one source.</summary>
public sealed record DefinitionProblem(string Source, ValidationError Error)
{
    public override string ToString() => $"{Source}{(Error.JsonPointer.Length > 0 ? "#" + Error.JsonPointer : "")}: [{Error.Code}] {Error.Message}";
}

/// <summary>
/// Every loaded definition, compiled once and looked up by (id, version). Loading applies the
/// identity rule: the same (id, version) twice is one definition if the content hash agrees,
/// and a <see cref="ValidationCodes.DefinitionVersionConflict"/> if it does not.
/// </summary>
public sealed class DefinitionLibrary
{
    private readonly FrozenDictionary<(string, int), CompiledWorkflow> _workflows;
    private readonly FrozenDictionary<(string, int), CompiledTemplate> _templates;

    private DefinitionLibrary(IEnumerable<CompiledWorkflow> workflows, IEnumerable<CompiledTemplate> templates)
    {
        _workflows = workflows.ToFrozenDictionary(w => (w.Identity.DefinitionId, w.Identity.Version));
        _templates = templates.ToFrozenDictionary(t => (t.Identity.DefinitionId, t.Identity.Version));
    }

    public IEnumerable<CompiledWorkflow> Workflows => _workflows.Values.OrderBy(w => w.Identity.DefinitionId, StringComparer.Ordinal).ThenBy(w => w.Identity.Version);

    public IEnumerable<CompiledTemplate> Templates => _templates.Values.OrderBy(t => t.Identity.DefinitionId, StringComparer.Ordinal).ThenBy(t => t.Identity.Version);

    public CompiledWorkflow? FindWorkflow(string definitionId, int version) => _workflows.GetValueOrDefault((definitionId, version));

    public CompiledTemplate? FindTemplate(string definitionId, int version) => _templates.GetValueOrDefault((definitionId, version));

    /// <summary>Parses, checks and compiles every source. Problems are reported for all of them; valid ones still load.</summary>
    public static DefinitionLoad Load(IEnumerable<DefinitionSource> sources)
    {
        var problems = new List<DefinitionProblem>();
        var workflows = new Dictionary<(string, int), (DefinitionSource Source, PhaseWorkflowDefinition Definition)>();
        var templates = new Dictionary<(string, int), (DefinitionSource Source, CampaignTemplate Definition)>();
        foreach (var source in sources)
        {
            var parsed = DefinitionParser.Parse(source.Json);
            problems.AddRange(parsed.Errors.Select(e => new DefinitionProblem(source.Name, e)));
            if (!parsed.Succeeded) continue;
            if (parsed.Workflow is { } workflow) Register(workflows, source, workflow, workflow.Identity, problems);
            if (parsed.Template is { } template) Register(templates, source, template, template.Identity, problems);
        }

        var compiled = new Dictionary<(string, int), CompiledWorkflow>();
        foreach (var (key, (source, definition)) in workflows)
        {
            var compilation = WorkflowCompiler.Compile(definition);
            problems.AddRange(compilation.Errors.Select(e => new DefinitionProblem(source.Name, e)));
            if (compilation.Workflow is { } workflow) compiled[key] = workflow;
        }
        var compiledTemplates = new List<CompiledTemplate>();
        foreach (var (source, definition) in templates.Values)
        {
            var compilation = TemplateCompiler.Compile(definition, r => compiled.GetValueOrDefault((r.DefinitionId, r.Version)));
            problems.AddRange(compilation.Errors.Select(e => new DefinitionProblem(source.Name, e)));
            if (compilation.Template is { } template) compiledTemplates.Add(template);
        }
        return new DefinitionLoad(new DefinitionLibrary(compiled.Values, compiledTemplates), [.. problems]);
    }

    /// <summary>Loads every <c>*.json</c> under a folder except JSON Schemas.</summary>
    public static DefinitionLoad LoadFolder(string folder) =>
        Load(Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new DefinitionSource(Path.GetRelativePath(folder, path), File.ReadAllText(path))));

    private static void Register<T>(
        Dictionary<(string, int), (DefinitionSource, T)> seen, DefinitionSource source, T definition, DefinitionIdentity identity, List<DefinitionProblem> problems)
    {
        var key = (identity.DefinitionId, identity.Version);
        if (!seen.TryGetValue(key, out var earlier))
        {
            seen[key] = (source, definition);
            return;
        }
        var earlierIdentity = earlier.Item2 switch
        {
            PhaseWorkflowDefinition w => w.Identity,
            CampaignTemplate t => t.Identity,
            _ => identity,
        };
        if (earlierIdentity.ContentHash == identity.ContentHash) return;
        problems.Add(new DefinitionProblem(source.Name, new ValidationError(ValidationCodes.DefinitionVersionConflict,
            EngineText.Of("definition.version_conflict", ("identity", identity), ("source", earlier.Item1.Name), ("earlierHash", earlierIdentity.ContentHash[..12]), ("hash", identity.ContentHash[..12])),
            "/version")));
    }
}

/// <summary>What loading produced: the library of valid definitions, and every problem found.</summary>
public sealed record DefinitionLoad(DefinitionLibrary Library, ImmutableArray<DefinitionProblem> Problems)
{
    public bool Succeeded => Problems.IsEmpty;
}
