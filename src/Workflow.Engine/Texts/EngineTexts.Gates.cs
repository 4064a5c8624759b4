namespace Workflow.Engine.Texts;

/// <summary>Where a phase's exit gate stands, as a person reads it.</summary>
public static partial class EngineTexts
{
    private static Dictionary<string, (string En, string Zh)> Gates => new()
    {
        ["gate.pending"] = ("Waiting for {tasks} to be completed.", "等待 {tasks} 办结后才能判定。"),
        ["gate.unmet"] = ("The condition '{condition}' is false for the values seen.", "按目前的取值，条件“{condition}”不成立。"),
        ["gate.error"] = ("{code}: {error}", "条件无法计算（{code}）：{error}"),
        ["gate.not_run"] = ("{code}: not evaluated, because the phase's gates before it ran out of time ({timeouts} time-outs or {seconds} s in all), which is all one evaluation may spend; make those conditions cheaper.",
            "{code}：未计算，因为本阶段排在它之前的转段条件已用完一次计算的全部时间（共 {timeouts} 次超时或 {seconds} 秒）；请简化那些条件。"),
        ["gate.state.met"] = ("met", "已满足"),
        ["gate.state.unmet"] = ("unmet", "未满足"),
        ["gate.state.pending"] = ("pending", "尚无法判定"),
        ["gate.state.error"] = ("error", "判定出错"),
        ["gate.seen"] = (" ({values})", "（{values}）"),
        ["gate.observed"] = ("{path} = {value}", "{path} = {value}"),
        ["value.missing"] = ("missing", "无"),
        ["list.comma"] = (", ", "、"),
        ["list.comma_in_parentheses"] = (", ", "，"),
        ["list.semicolon"] = ("; ", "；"),
    };
}
