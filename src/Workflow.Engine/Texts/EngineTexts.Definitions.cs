namespace Workflow.Engine.Texts;

/// <summary>Reading a definition document: its shape, its properties and names.</summary>
public static partial class EngineTexts
{
    private static Dictionary<string, (string En, string Zh)> Definitions => new()
    {
        ["noun.phase"] = ("phase", "阶段"),
        ["noun.gate"] = ("gate", "转段条件"),
        ["noun.activity"] = ("activity", "环节"),
        ["noun.connection"] = ("connection", "连线"),
        ["noun.variable"] = ("variable", "变量"),
        ["noun.input"] = ("input", "输入"),
        ["noun.definition"] = ("definition", "定义"),
        ["noun.workflow"] = ("workflow", "流程"),
        ["noun.source"] = ("source", "起点"),
        ["noun.target"] = ("target", "终点"),
        ["definition.json_malformed_at"] = ("The definition is not valid JSON (line {line}, position {position}): {error}", "定义不是有效的 JSON（第 {line} 行第 {position} 个字节附近）。"),
        ["definition.json_malformed"] = ("The definition is not valid JSON: {error}", "定义不是有效的 JSON。"),
        ["definition.not_canonical"] = ("The definition cannot be canonicalized for hashing: {error}", "无法将定义规范化以计算哈希：{error}"),
        ["definition.not_object"] = ("A definition must be a JSON object.", "定义必须是 JSON 对象。"),
        ["definition.version_conflict"] = ("{identity} is already defined by '{source}' with different content (hash {earlierHash}… vs {hash}…); publish the change as a new version.", "{identity} 已由“{source}”定义，但内容不同（哈希 {earlierHash}… 与 {hash}…）；请将改动发布为新版本。"),
        ["property.required"] = ("'{name}' is required here.", "此处必须提供“{name}”。"),
        ["property.non_empty_string"] = ("'{name}' must be a non-empty string.", "“{name}”必须是非空字符串。"),
        ["property.string"] = ("'{name}' must be a string.", "“{name}”必须是字符串。"),
        ["property.positive_integer"] = ("'{name}' must be a positive whole number.", "“{name}”必须是正整数。"),
        ["property.array"] = ("'{name}' must be an array.", "“{name}”必须是数组。"),
        ["property.object"] = ("'{name}' must be an object.", "“{name}”必须是对象。"),
        ["property.text_string"] = ("The '{culture}' text must be a string.", "“{culture}”语言的文本必须是字符串。"),
        ["identifier.invalid"] = ("The {what} id '{id}' must start with a letter and contain only letters, digits, '_' and '-'.", "{what}标识“{id}”必须以字母开头，且只能包含字母、数字、“_”和“-”。"),
        ["element.object"] = ("Each {what} must be an object.", "每个{what}都必须是对象。"),
        ["expression.not_object"] = ("'expression' must be an object with 'type' and 'value'.", "“expression”必须是包含“type”和“value”的对象。"),
        ["expression.source_missing"] = ("A JavaScript expression needs its source text in 'value'.", "JavaScript 表达式须在“value”中给出源代码。"),
        ["expression.language_unsupported"] = ("Expressions of type '{type}' are not supported; use 'JavaScript' or 'Literal'.", "不支持“{type}”类型的表达式，请使用“JavaScript”或“Literal”。"),
        ["template.phase_duplicate"] = ("The phase id '{phaseId}' is used twice.", "阶段标识“{phaseId}”重复使用。"),
        ["template.phases_missing"] = ("A campaign template needs at least one phase.", "活动模板至少需要一个阶段。"),
        ["phase.deadline_invalid"] = ("'deadline' must be a duration from the phase's start (\"30.00:00:00\", \"P30D\") or a time (\"2026-12-31T00:00:00Z\"), not '{deadline}'.", "“deadline”必须是从阶段开始起算的时长（\"30.00:00:00\"、\"P30D\"）或时间点（\"2026-12-31T00:00:00Z\"），而不是“{deadline}”。"),
        ["workflow.root_type"] = ("The root must be an 'Elsa.Flowchart', not '{type}'.", "根节点必须是“Elsa.Flowchart”，而不是“{type}”。"),
        ["variable.duplicate"] = ("The variable '{name}' is declared twice.", "变量“{name}”重复声明。"),
        ["input.type_unknown"] = ("'{type}' is not a type; use one of {types}.", "“{type}”不是可用的类型，请使用 {types} 之一。"),
        ["input.duplicate"] = ("The name '{name}' is declared twice.", "名称“{name}”重复声明。"),
    };
}
