namespace Workflow.Engine.Expressions;

/// <summary>
/// The stable codes of expression failures at run time. Clients and the interpreter switch on
/// these; never rename one.
/// </summary>
public static class ExpressionErrorCodes
{
    /// <summary>The expression ran longer than its time budget.</summary>
    public const string Timeout = "expression.timeout";

    /// <summary>The expression executed more statements than allowed (a runaway loop).</summary>
    public const string StatementLimit = "expression.statement_limit";

    /// <summary>The expression allocated more memory than allowed.</summary>
    public const string MemoryLimit = "expression.memory_limit";

    /// <summary>The expression nested calls deeper than allowed (runaway recursion).</summary>
    public const string RecursionLimit = "expression.recursion_limit";

    /// <summary>A regular expression took too long (catastrophic backtracking).</summary>
    public const string RegexTimeout = "expression.regex_timeout";

    /// <summary>A JavaScript error: TypeError, ReferenceError, RangeError...</summary>
    public const string Runtime = "expression.runtime";

    /// <summary>A decision or gate got something other than true or false.</summary>
    public const string NotBoolean = "expression.not_boolean";

    /// <summary>The result cannot be represented as JSON (a function, NaN, a cycle...).</summary>
    public const string ResultUnsupported = "expression.result_unsupported";
}
