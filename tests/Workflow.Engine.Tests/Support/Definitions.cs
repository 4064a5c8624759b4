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
}
