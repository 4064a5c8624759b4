namespace Workflow.Engine.Validation;

/// <summary>
/// The stable codes of definition problems. Clients switch on these; never rename one.
/// </summary>
public static class ValidationCodes
{
    public const string JsonMalformed = "json.malformed";
    public const string PropertyMissing = "property.missing";
    public const string PropertyInvalid = "property.invalid";
    public const string IdentifierInvalid = "identifier.invalid";
    public const string ActivityTypeUnknown = "activity.type_unknown";
    public const string ActivityIdDuplicate = "activity.id_duplicate";
    public const string ActivityUnreachable = "activity.unreachable";
    public const string ActivityDeadEnd = "activity.dead_end";
    public const string ActivityInputUnknown = "activity.input_unknown";
    public const string ActivityInputMissing = "activity.input_missing";
    public const string ActivityInputInvalid = "activity.input_invalid";
    public const string StartMissing = "flow.start_missing";
    public const string StartMultiple = "flow.start_multiple";
    public const string EndMissing = "flow.end_missing";
    public const string LoopWithoutTask = "flow.loop_without_task";
    public const string ConnectionDangling = "connection.dangling";
    public const string ConnectionPortUnknown = "connection.port_unknown";
    public const string ConnectionDuplicate = "connection.duplicate";
    public const string JoinNeverFires = "join.never_fires";
    public const string ExpressionSyntax = "expression.syntax";
    public const string ExpressionForbidden = "expression.forbidden";
    public const string ExpressionUnknownName = "expression.unknown_name";
    public const string ExpressionLanguageUnsupported = "expression.language_unsupported";
    public const string VariableDuplicate = "variable.duplicate";
    public const string TemplatePhaseDuplicate = "template.phase_duplicate";
    public const string TemplatePhasesMissing = "template.phases_missing";
    public const string TemplateWorkflowUnknown = "template.workflow_unknown";
    public const string TemplateWorkflowInputUnbound = "template.workflow_input_unbound";
    public const string TemplateOutputUnknownVariable = "template.output_unknown_variable";
    public const string TemplateInputDuplicate = "template.input_duplicate";
    public const string TemplateGatesTooMany = "template.gates_too_many";
    public const string DefinitionVersionConflict = "definition.version_conflict";
}
