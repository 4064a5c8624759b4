using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>Factories for activity inputs, and the inputs every task shares.</summary>
internal static class CatalogInputs
{
    /// <summary>
    /// The common inputs of every task (who does it, by when, how, and once per element of an
    /// array); listed after the task's own inputs.
    /// </summary>
    private static readonly ImmutableArray<InputDescriptor> Common =
    [
        Input("assignee", DataType.String, "Assignee", "承办人"),
        Input("dueInDays", DataType.Number, "Due in (days)", "办理期限（天）") with { Minimum = 0 },
        Input("dueDate", DataType.Date, "Due date", "截止日期"),
        Input("instructions", DataType.Text, "Instructions", "办理要求"),
        Input("forEach", DataType.Array, "For each", "逐项办理") with { ExpressionOnly = true },
        // Timers (README, "Timers"): plain values, read by the host when the task is activated.
        Structural("timeout", DataType.Boolean, "Leave by Timeout when overdue", "逾期未办结时走“超时”分支"),
        Structural("remindBeforeDue", DataType.String, "Remind before due (duration)", "到期前提醒（时长）"),
        Structural("remindOverdueEvery", DataType.String, "Remind while overdue every (duration)", "逾期后提醒间隔（时长）"),
        Structural("remindOverdueMax", DataType.Number, "Overdue reminders at most", "逾期提醒次数上限") with { Minimum = 0 },
        Structural("escalateTo", DataType.String, "Escalate to (person or role)", "逾期升级至（人员或角色）"),
        Structural("escalateAfterDays", DataType.Number, "Escalate after (days overdue)", "逾期多少天后升级") with { Minimum = 0 },
    ];

    public static InputDescriptor Input(string name, DataType type, string en, string zh, bool required = false) =>
        new(name, type, LocalizedText.Of(en, zh), required);

    /// <summary>
    /// An input whose value shapes the flowchart itself (a fork's branches, a join's mode): it
    /// must be known when the definition is loaded, so it cannot be an expression.
    /// </summary>
    public static InputDescriptor Structural(string name, DataType type, string en, string zh, bool required = false) =>
        Input(name, type, en, zh, required) with { SupportsExpression = false };

    /// <summary>A string input with a closed set of values.</summary>
    public static InputDescriptor Choice(string name, string en, string zh, params string[] values) =>
        Input(name, DataType.String, en, zh) with { AllowedValues = [.. values] };

    /// <summary>A task's own inputs followed by the common task inputs.</summary>
    public static ImmutableArray<InputDescriptor> ForTask(params InputDescriptor[] own) => [.. own, .. Common];

    /// <summary>A literal default value.</summary>
    public static JsonElement Literal(string value)
    {
        using var document = JsonDocument.Parse($"\"{JsonEncodedText.Encode(value)}\"");
        return document.RootElement.Clone();
    }
}
