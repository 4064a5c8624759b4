namespace Workflow.Engine.Expressions;

/// <summary>
/// The names an expression may read, known when a definition is loaded. Checking against them at
/// load time turns a typo such as <c>results.massApraisal</c> into a definition error instead of a
/// gate that silently never opens.
/// </summary>
/// <param name="Inputs">Names readable as <c>inputs.&lt;name&gt;</c>.</param>
/// <param name="Variables">Names readable as <c>variables.&lt;name&gt;</c>.</param>
/// <param name="Activities">
/// Activity ids readable as <c>results.&lt;activityId&gt;</c>, each with the result fields readable as
/// <c>results.&lt;activityId&gt;.&lt;field&gt;</c>; a null set means the fields are not checked (for example
/// a multi-instance activity, whose result is an array). <c>outcome</c> is always allowed.
/// </param>
/// <param name="InMultiInstance">True inside a multi-instance activity, where <c>item</c> and <c>index</c> are in scope.</param>
public sealed record ExpressionContext(
    IReadOnlySet<string> Inputs,
    IReadOnlySet<string> Variables,
    IReadOnlyDictionary<string, IReadOnlySet<string>?> Activities,
    bool InMultiInstance);
