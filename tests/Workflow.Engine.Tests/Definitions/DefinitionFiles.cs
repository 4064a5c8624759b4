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

    public static EvaluationResults Evaluate(JsonSchema schema, JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(parsed.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>
    /// The errors of a failed evaluation, one line each, for assertion messages. Errors from <c>if</c>
    /// subschemas are left out: a failing <c>if</c> only means its <c>then</c> does not apply.
    /// </summary>
    public static IReadOnlyList<(string Location, string Keyword, string Message, string SchemaPath)> Errors(EvaluationResults results) =>
        [.. new[] { results }.Concat(results.Details ?? [])
            .Where(node => !node.IsValid && node.Errors is not null)
            .Where(node => !node.EvaluationPath.ToString().Split('/').Contains("if"))
            .SelectMany(node => node.Errors!.Select(error =>
                (node.InstanceLocation.ToString(), error.Key, error.Value, node.EvaluationPath.ToString())))];

    public static string Describe(EvaluationResults results) =>
        string.Join(Environment.NewLine, Errors(results).Select(e => $"  at '{e.Location}' ({e.SchemaPath}): {e.Keyword}: {e.Message}"));
}
