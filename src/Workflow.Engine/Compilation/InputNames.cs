namespace Workflow.Engine.Compilation;

/// <summary>The input names the interpreter itself reads; the catalog declares them per type.</summary>
internal static class InputNames
{
    public const string Assignee = "assignee";
    public const string DueInDays = "dueInDays";
    public const string DueDate = "dueDate";
    public const string ForEach = "forEach";
    public const string Condition = "condition";
    public const string Branches = "branches";
    public const string Mode = "mode";
    public const string Variable = "variable";
    public const string Value = "value";
    public const string Recipients = "recipients";
    public const string Subject = "subject";
    public const string Message = "message";
}
