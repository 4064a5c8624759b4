namespace Workflow.Engine.Texts;

/// <summary>Why the phase machine refuses a trigger: its guards, the triggers and the states they speak of.</summary>
public static partial class EngineTexts
{
    private static Dictionary<string, (string En, string Zh)> Guards => new()
    {
        ["guard.not_possible"] = ("{trigger} is not possible when the campaign is {state}", "活动{state}时不能{trigger}"),
        ["guard.workflow_unfinished"] = ("the phase workflow has not reached its end (waiting for {tasks})", "本阶段流程尚未结束（待办：{tasks}）"),
        ["guard.workflow_unfinished_plain"] = ("the phase workflow has not reached its end", "本阶段流程尚未结束"),
        ["guard.gates_unmet"] = ("exit gates not met: {gates}", "转段条件未满足：{gates}"),
        ["guard.gate"] = ("{gateId} is {state}{seen}", "“{name}”{state}{seen}"),
        ["guard.state_forbids"] = ("the campaign's state does not allow it", "活动当前的状态不允许此操作"),
        ["guard.not_suspended"] = ("the campaign is suspended", "活动已暂停"),
        ["guard.is_suspended"] = ("the campaign is not suspended", "活动并未暂停"),
        ["guard.earlier_phase"] = ("a campaign can only be sent back to an earlier phase", "只能退回到本模板中更早的阶段"),
        ["state.not_started"] = ("not started", "尚未启动"),
        ["state.completed"] = ("completed", "已结束"),
        ["state.cancelled"] = ("cancelled", "已取消"),
        ["state.in_phase"] = ("in phase '{phase}'", "处于阶段“{phase}”"),
        ["trigger.start"] = ("Start", "启动"),
        ["trigger.advance"] = ("Advance", "转入下一阶段"),
        ["trigger.sendBack"] = ("SendBack", "退回"),
        ["trigger.suspend"] = ("Suspend", "暂停"),
        ["trigger.resume"] = ("Resume", "恢复"),
        ["trigger.cancel"] = ("Cancel", "取消活动"),
        ["trigger.complete"] = ("Complete", "结束活动"),
    };
}
