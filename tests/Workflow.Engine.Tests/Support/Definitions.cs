using System.Text.Json.Nodes;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Tests.Support;

/// <summary>The real definitions under <c>workflows/</c>, loaded and compiled once for all tests.</summary>
internal static class Definitions
{
    private static readonly Lazy<DefinitionLoad> Loaded = new(() =>
        DefinitionLibrary.LoadFolder(Path.Combine(AppContext.BaseDirectory, "workflows")));

    public static DefinitionLoad Load => Loaded.Value;

    public static DefinitionLibrary Library => Loaded.Value.Library;

    public static CompiledTemplate SeedTemplate =>
        Library.FindTemplate("scientific-outlook-campaign", 1) ?? throw new InvalidOperationException(
            "The seed template did not load: " + string.Join(Environment.NewLine, Load.Problems));

    /// <summary>The seed template's file, parsed, for a test to change before loading it with <see cref="LoadWithTemplate"/>.</summary>
    public static JsonObject SeedTemplateJson() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "templates", "scientific-outlook-campaign.json")))!.AsObject();

    /// <summary>Loads <paramref name="template"/> with the real phase workflows, as the library loads a folder.</summary>
    public static DefinitionLoad LoadWithTemplate(JsonObject template)
    {
        var sources = new List<DefinitionSource> { new("template.json", template.ToJsonString()) };
        sources.AddRange(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "phases"))
            .Select(p => new DefinitionSource(p, File.ReadAllText(p))));
        return DefinitionLibrary.Load(sources);
    }
}
