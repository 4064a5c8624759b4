namespace Workflow.Api.Definitions;

/// <summary>The two kinds of definition, as stored and as they appear in URLs.</summary>
public static class DefinitionKinds
{
    public const string Workflow = "workflow";
    public const string Template = "template";
}
