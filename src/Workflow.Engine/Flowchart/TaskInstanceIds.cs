using System.Globalization;

namespace Workflow.Engine.Flowchart;

/// <summary>Task instance ids: <c>activity:iteration</c>, or <c>activity:iteration:unit</c> for a unit of a multi-instance task.</summary>
public static class TaskInstanceIds
{
    public static string Format(string activityId, int iteration, int? unit) =>
        unit is { } u
            ? string.Create(CultureInfo.InvariantCulture, $"{activityId}:{iteration}:{u}")
            : string.Create(CultureInfo.InvariantCulture, $"{activityId}:{iteration}");
}
