using Workflow.Engine.Campaigns;
using Workflow.Engine.Texts;

namespace Workflow.Api.Campaigns;

/// <summary>
/// The values a Chinese refusal is filled with: the engine's arguments name triggers and statuses by their
/// stable English names, so a Chinese page would otherwise read "当前不允许执行 Advance". The reasons come
/// from the engine's catalog (<see cref="CampaignRefusal.Reasons"/>), rendered by the caller.
/// </summary>
internal static class RefusalWording
{
    // Task instance and workflow statuses, as "已{status}" completes them.
    private static readonly Dictionary<string, string> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Completed"] = "办结",
        ["Cancelled"] = "取消",
        ["Ended"] = "结束",
        ["Faulted"] = "出错",
        ["Active"] = "激活",
        ["Pending"] = "排队",
        ["Running"] = "在运行",
    };

    /// <summary>The refusal's arguments in Chinese: the trigger's name and the status word.</summary>
    public static void ToChinese(Dictionary<string, string> arguments)
    {
        if (arguments.TryGetValue("trigger", out var trigger) && Enum.TryParse<CampaignTrigger>(trigger, ignoreCase: true, out var known))
            arguments["trigger"] = $"“{CampaignEngine.TriggerText(known).Render(EngineTexts.Chinese)}”";
        if (arguments.TryGetValue("status", out var status) && Statuses.TryGetValue(status, out var word)) arguments["status"] = word;
    }
}
