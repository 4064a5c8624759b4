using System.Globalization;

namespace Workflow.Engine.Flowchart;

/// <summary>Task instance ids: <c>activity:iteration</c>, or <c>activity:iteration:unit</c> for a unit of a multi-instance task.</summary>
public static class TaskInstanceIds
{
    public static string Format(string activityId, int iteration, int? unit) =>
        unit is { } u
            ? string.Create(CultureInfo.InvariantCulture, $"{activityId}:{iteration}:{u}")
            : string.Create(CultureInfo.InvariantCulture, $"{activityId}:{iteration}");

    /// <summary>Reads an id made by <see cref="Format"/>; false for anything else.</summary>
    public static bool TryParse(string taskId, out string activityId, out int iteration, out int? unit)
    {
        (activityId, iteration, unit) = ("", 0, null);
        var parts = taskId.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !TryNumber(parts[1], out iteration)) return false;
        if (parts.Length == 3)
        {
            if (!TryNumber(parts[2], out var u)) return false;
            unit = u;
        }
        activityId = parts[0];
        return true;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
