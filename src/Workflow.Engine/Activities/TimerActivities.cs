using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// Activities that wait for time. The engine has no clock: reaching one records when it is due,
/// and the host's timer sweep sends the command that moves it on (README, "Timers").
/// </summary>
internal static class TimerActivities
{
    public const string DelayType = "Elsa.Delay";

    /// <summary>Elsa's Delay: wait for a duration (<c>timeSpan</c>) or until a time (<c>dateTime</c>), then leave by Done.</summary>
    public static readonly ActivityDescriptor Delay = CatalogDescriptors.Automatic(
        DelayType, ActivityCategories.ControlFlow,
        LocalizedText.Of("Delay", "延时等待"),
        LocalizedText.Of(
            "Waits for a duration (such as 1.00:00:00 or P1D) or until a time, then leaves by Done.",
            "等待一段时长（如 1.00:00:00 或 P1D）或直到指定时间，然后从“完成”端口继续。"),
        [
            Input("timeSpan", DataType.String, "Duration", "等待时长"),
            Input("dateTime", DataType.String, "Until", "等待至"),
        ]);
}
