using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Workflow.Engine.Tests.Definitions;

/// <summary>
/// The definition files under <c>workflows/</c>, as copied into the test output by the test project,
/// and their JSON Schemas.
/// </summary>
internal static class DefinitionFiles
{
    public const string PhaseSchemaFile = "phase-workflow.schema.json";
    public const string TemplateSchemaFile = "campaign-template.schema.json";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string SchemaPath(string file) => Path.Combine(Root, "schema", file);

    public static string PhasePath(string definitionId) => Path.Combine(Root, "phases", definitionId + ".json");

    public static string TemplatePath(string definitionId) => Path.Combine(Root, "templates", definitionId + ".json");

    /// <summary>Relative paths (from <see cref="Root"/>) of every file in a folder, e.g. "phases/study-phase.json".</summary>
    public static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.json")
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static JsonNode Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is JSON null.");

    public static JsonObject LoadPhase(string definitionId) => Load(PhasePath(definitionId)).AsObject();

    public static JsonObject LoadTemplate(string definitionId) => Load(TemplatePath(definitionId)).AsObject();

    /// <summary>
    /// Builds a schema into a registry of its own: the schemas have an <c>$id</c>, and JsonSchema.Net
    /// refuses to register the same <c>$id</c> twice in one registry.
    /// </summary>
    public static JsonSchema BuildSchema(string file) =>
        JsonSchema.FromFile(SchemaPath(file), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>
    /// Evaluates with the hierarchical output: unlike the flat list, it keeps the nesting, so the
    /// failures inside a passing <c>anyOf</c> branch or a failing <c>if</c> can be told from real errors.
    /// </summary>
    public static EvaluationResults Evaluate(JsonSchema schema, JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(parsed.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
    }

    /// <summary>
    /// The errors that make a document invalid: those of failing nodes reached through failing
    /// nodes only. A passing node's subtree (a passing <c>anyOf</c> with failed branches) and an
    /// <c>if</c> subschema (failing only means its <c>then</c> does not apply) are left out.
    /// </summary>
    public static IReadOnlyList<(string Location, string Keyword, string Message, string SchemaPath)> Errors(EvaluationResults results)
    {
        var errors = new List<(string, string, string, string)>();
        Collect(results);
        return errors;

        void Collect(EvaluationResults node)
        {
            if (node.IsValid) return;
            var path = node.EvaluationPath.ToString();
            if (path.Split('/')[^1] == "if") return;
            foreach (var (keyword, message) in node.Errors ?? [])
                errors.Add((node.InstanceLocation.ToString(), keyword, message, path));
            foreach (var child in node.Details ?? []) Collect(child);
        }
    }

    public static string Describe(EvaluationResults results) =>
        string.Join(Environment.NewLine, Errors(results).Select(e => $"  at '{e.Location}' ({e.SchemaPath}): {e.Keyword}: {e.Message}"));
}
