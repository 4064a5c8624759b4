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
    public const string TimeSpan = "timeSpan";
    public const string DateTime = "dateTime";
    public const string Timeout = "timeout";
    public const string RemindBeforeDue = "remindBeforeDue";
    public const string RemindOverdueEvery = "remindOverdueEvery";
    public const string RemindOverdueMax = "remindOverdueMax";
    public const string EscalateTo = "escalateTo";
    public const string EscalateAfterDays = "escalateAfterDays";

    /// <summary>The inputs that hold a duration ("1.00:00:00" or ISO 8601), checked when the definition loads.</summary>
    public static bool IsDuration(string name) => name is TimeSpan or RemindBeforeDue or RemindOverdueEvery;
}
