using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// The flowchart's control flow. These keep Elsa 3's type names so that definitions stay in the
/// shape of Elsa's workflow definitions.
/// </summary>
internal static class ControlFlowActivities
{
    public static readonly ActivityDescriptor Start = new(
        "Elsa.Start",
        LocalizedText.Of("Start", "开始"),
        LocalizedText.Of(
            "Where the flowchart begins; it leaves at once by Done.",
            "流程的起点，启动后立即从“完成”端口继续。"),
        ActivityCategories.ControlFlow,
        ActivityKind.Start,
        [], [], [],
        [ActivityDescriptor.DonePort],
        HasInboundPort: false);

    public static readonly ActivityDescriptor End = new(
        "Elsa.End",
        LocalizedText.Of("End", "结束"),
        LocalizedText.Of(
            "Reaching it completes the flowchart.",
            "流程到达此处即告结束。"),
        ActivityCategories.ControlFlow,
        ActivityKind.End,
        [], [], [],
        []);

    public static readonly ActivityDescriptor Decision = CatalogDescriptors.Automatic(
        "Elsa.FlowDecision", ActivityCategories.ControlFlow,
        LocalizedText.Of("Decision", "条件判断"),
        LocalizedText.Of(
            "Evaluates a condition and leaves by True or False.",
            "对条件表达式求值，结果为真时走“是”分支，否则走“否”分支。"),
        [Input("condition", DataType.Boolean, "Condition", "判断条件", required: true) with { ExpressionOnly = true }],
        ["True", "False"]);

    public static readonly ActivityDescriptor Fork = CatalogDescriptors.Automatic(
        "Elsa.FlowFork", ActivityCategories.ControlFlow,
        LocalizedText.Of("Fork", "分支"),
        LocalizedText.Of(
            "Starts several branches in parallel, leaving by one port per branch name.",
            "同时启动多个并行分支，每个分支名称对应一个流出端口。"),
        [Structural("branches", DataType.Array, "Branches", "分支名称", required: true) with { Minimum = 2 }],
        ports: [],
        portsFromInput: "branches");

    public static readonly ActivityDescriptor Join = CatalogDescriptors.Automatic(
        "Elsa.FlowJoin", ActivityCategories.ControlFlow,
        LocalizedText.Of("Join", "汇合"),
        LocalizedText.Of(
            "Merges parallel branches: waits for all of them (WaitAll) or goes on with the first to arrive (WaitAny).",
            "汇合并行分支：等待全部分支到达（WaitAll），或任一分支到达即继续（WaitAny）。"),
        // WaitAny is the default because it is Elsa's: an imported Elsa definition behaves the same.
        [Choice("mode", "Mode", "汇合方式", "WaitAll", "WaitAny") with { SupportsExpression = false, Default = Literal("WaitAny") }]);

    public static readonly ActivityDescriptor SetVariable = CatalogDescriptors.Automatic(
        "Elsa.SetVariable", ActivityCategories.ControlFlow,
        LocalizedText.Of("Set variable", "设置变量"),
        LocalizedText.Of(
            "Sets a workflow variable to a value, such as counting revision rounds.",
            "为流程变量赋值，例如累计修改轮次。"),
        [
            Structural("variable", DataType.String, "Variable", "变量名", required: true),
            // Any JSON value: the variable's own type decides what fits, as Elsa's object input.
            Input("value", DataType.Object, "Value", "值", required: true),
        ]);
}
