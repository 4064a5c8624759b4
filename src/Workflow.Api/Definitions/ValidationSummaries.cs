using System.Collections.Frozen;
using Workflow.Engine.Validation;

namespace Workflow.Api.Definitions;

/// <summary>
/// A short sentence per validation code in English and Chinese, so a designer in either language
/// knows what kind of problem it is; the engine's <c>message</c> (English) adds the specifics.
/// </summary>
internal static class ValidationSummaries
{
    private static readonly FrozenDictionary<string, (string En, string Zh)> Texts = new Dictionary<string, (string, string)>
    {
        [ValidationCodes.JsonMalformed] = ("The document is not valid JSON.", "文档不是有效的 JSON。"),
        [ValidationCodes.PropertyMissing] = ("A required property is missing.", "缺少必填属性。"),
        [ValidationCodes.PropertyInvalid] = ("A property has a value it cannot have.", "属性的值无效。"),
        [ValidationCodes.IdentifierInvalid] = ("An identifier is not valid.", "标识不合规范。"),
        [ValidationCodes.ActivityTypeUnknown] = ("The activity type is not in the catalog.", "活动类型不在活动目录中。"),
        [ValidationCodes.ActivityIdDuplicate] = ("Two activities have the same id.", "有两个活动使用了相同的标识。"),
        [ValidationCodes.ActivityUnreachable] = ("No path from the start reaches this activity.", "从开始节点无法到达此活动。"),
        [ValidationCodes.ActivityDeadEnd] = ("From this activity no path leads to an end.", "从此活动出发无法到达结束节点。"),
        [ValidationCodes.ActivityInputUnknown] = ("The activity has an input its type does not know.", "活动含有其类型不支持的输入项。"),
        [ValidationCodes.ActivityInputMissing] = ("A required input of the activity is missing.", "活动缺少必填的输入项。"),
        [ValidationCodes.ActivityInputInvalid] = ("An input of the activity has a value it cannot have.", "活动输入项的值无效。"),
        [ValidationCodes.StartMissing] = ("The flowchart has no start.", "流程图没有开始节点。"),
        [ValidationCodes.StartMultiple] = ("The flowchart has more than one start.", "流程图有多个开始节点。"),
        [ValidationCodes.EndMissing] = ("The flowchart has no end.", "流程图没有结束节点。"),
        [ValidationCodes.LoopWithoutTask] = ("A loop has no task in it, so it would never wait.", "循环中没有任何任务，会无休止地运行。"),
        [ValidationCodes.ConnectionDangling] = ("A connection points at an activity that does not exist.", "连线指向不存在的活动。"),
        [ValidationCodes.ConnectionPortUnknown] = ("A connection uses a port the activity does not have.", "连线使用了活动没有的端口。"),
        [ValidationCodes.ConnectionDuplicate] = ("The same connection appears twice.", "同一条连线出现了两次。"),
        [ValidationCodes.JoinNeverFires] = ("This join can never fire.", "此汇合节点永远不会触发。"),
        [ValidationCodes.ExpressionSyntax] = ("The expression has a syntax error.", "表达式有语法错误。"),
        [ValidationCodes.ExpressionForbidden] = ("The expression uses something that is not allowed.", "表达式使用了不允许的内容。"),
        [ValidationCodes.ExpressionUnknownName] = ("The expression names something that does not exist here.", "表达式引用了此处不存在的名称。"),
        [ValidationCodes.ExpressionLanguageUnsupported] = ("The expression language is not supported.", "不支持该表达式语言。"),
        [ValidationCodes.VariableDuplicate] = ("Two variables or inputs have the same name.", "有两个变量或输入项同名。"),
        [ValidationCodes.TemplatePhaseDuplicate] = ("Two phases have the same id.", "有两个阶段使用了相同的标识。"),
        [ValidationCodes.TemplatePhasesMissing] = ("The template has no phases.", "模板没有任何阶段。"),
        [ValidationCodes.TemplateWorkflowUnknown] = ("The phase runs a workflow version that is not published.", "阶段所用的流程版本尚未发布。"),
        [ValidationCodes.TemplateWorkflowInputUnbound] = ("The phase workflow needs an input the template does not provide.", "阶段流程需要的输入项在模板中没有提供。"),
        [ValidationCodes.TemplateOutputUnknownVariable] = ("A phase output names a variable the template does not have.", "阶段输出指向模板中不存在的变量。"),
        [ValidationCodes.TemplateInputDuplicate] = ("Two template inputs have the same name.", "有两个模板参数同名。"),
        [ValidationCodes.DefinitionVersionConflict] = ("This version already exists with different content.", "该版本已存在且内容不同。"),
        [DefinitionValidation.KindMismatch] = ("The document is of the other kind (workflow or template).", "文档类型不符（流程与模板混淆）。"),
    }.ToFrozenDictionary();

    /// <summary>The sentence for a code in the request's language; null for a code without one.</summary>
    public static string? For(string code, bool chinese) => Texts.TryGetValue(code, out var t) ? (chinese ? t.Zh : t.En) : null;

    /// <summary>Every code that has a sentence, for the test that each validation code has one.</summary>
    public static IEnumerable<string> Codes => Texts.Keys;
}
