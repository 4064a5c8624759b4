using System.Text.Json;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Gates;

namespace Workflow.Api.Campaigns;

/// <summary>
/// The values a Chinese refusal is filled with: the engine speaks English (its guard descriptions,
/// trigger and status names), so a Chinese page would otherwise read "当前不允许执行 Advance：the phase
/// workflow has reached its end". English requests keep the engine's own sentence.
/// </summary>
internal static class RefusalWording
{
    private static readonly Dictionary<string, string> Triggers = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(CampaignTrigger.Start)] = "启动",
        [nameof(CampaignTrigger.Advance)] = "转入下一阶段",
        [nameof(CampaignTrigger.SendBack)] = "退回",
        [nameof(CampaignTrigger.Suspend)] = "暂停",
        [nameof(CampaignTrigger.Resume)] = "恢复",
        [nameof(CampaignTrigger.Cancel)] = "取消活动",
        [nameof(CampaignTrigger.Complete)] = "结束活动",
    };

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

    private static readonly Dictionary<GateState, string> GateStates = new()
    {
        [GateState.Met] = "已满足",
        [GateState.Unmet] = "未满足",
        [GateState.Pending] = "尚无法判定",
        [GateState.Error] = "判定出错",
    };

    /// <summary>The refusal's arguments in Chinese: the trigger's name, the status word, and the reasons.</summary>
    public static void ToChinese(CampaignRefusal refusal, Dictionary<string, string> arguments)
    {
        if (arguments.TryGetValue("trigger", out var trigger) && Triggers.TryGetValue(trigger, out var name)) arguments["trigger"] = $"“{name}”";
        if (arguments.TryGetValue("status", out var status) && Statuses.TryGetValue(status, out var word)) arguments["status"] = word;
        if (refusal.Code == CampaignRefusalCodes.TriggerNotPermitted) arguments["reasons"] = Reasons(refusal);
    }

    private static string Reasons(CampaignRefusal refusal)
    {
        if (refusal.UnmetGuards.IsDefaultOrEmpty) return "活动当前的状态不允许此操作";
        return string.Join("；", refusal.UnmetGuards.Select(guard => guard switch
        {
            PhaseGuards.WorkflowFinished => refusal.WaitingFor.IsDefaultOrEmpty
                ? "本阶段流程尚未结束"
                : $"本阶段流程尚未结束（待办：{string.Join("、", refusal.WaitingFor)}）",
            PhaseGuards.GatesMet => "转段条件未满足：" + string.Join("；", refusal.Gates.Where(g => g.State != GateState.Met).Select(Gate)),
            PhaseGuards.NotSuspended => "活动已暂停",
            PhaseGuards.IsSuspended => "活动并未暂停",
            PhaseGuards.EarlierPhase => "只能退回到本模板中更早的阶段",
            _ => guard,
        }));
    }

    private static string Gate(GateResult gate)
    {
        var name = gate.DisplayNames.Get("zh-CN") ?? gate.Name;
        var seen = gate.Observed.Count == 0
            ? ""
            : "（" + string.Join("，", gate.Observed.Select(o => $"{o.Key} = {Value(o.Value)}")) + "）";
        return $"“{name}”{GateStates[gate.State]}{seen}";
    }

    private static string Value(JsonElement? value) => value is { } v ? v.GetRawText() : "无";
}
