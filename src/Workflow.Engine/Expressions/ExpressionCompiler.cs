using System.Collections.Immutable;
using Acornima;
using Acornima.Ast;
using Jint;
using Workflow.Engine.Validation;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Checks and prepares JavaScript expressions at load time: parsed as a single expression
/// (Acornima, strict mode), checked for forbidden constructs and unknown names, then prepared
/// once for Jint.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Longer sources are refused: an expression is a condition or a formula, not a program.</summary>
    internal const int MaxSourceLength = 10_000;

    // await parses as an AwaitExpression (and is then refused with a clear message) instead of a syntax error.
    private static readonly ParserOptions ParserOptions = new() { AllowAwaitOutsideFunction = true };

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        // Regex literals are compiled when the script is prepared and carry this timeout with them.
        ParsingOptions = ScriptParsingOptions.Default with { RegexTimeout = SandboxLimits.RegexTimeout },
    };

    /// <summary>Never throws for bad input: every problem found is returned, with its position.</summary>
    public static ExpressionCompilation Compile(string source, ExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        source ??= "";
        if (string.IsNullOrWhiteSpace(source))
            return Failed(Syntax("The expression is empty; write a JavaScript expression such as inputs.count > 0.", 1, 1));
        if (source.Length > MaxSourceLength)
            return Failed(Syntax($"The expression is {source.Length} characters long; the limit is {MaxSourceLength}. Keep expressions to a condition or a formula.", 1, 1));

        Expression parsed;
        try
        {
            parsed = new Parser(ParserOptions).ParseExpression(source, null, strict: true);
        }
        catch (ParseErrorException exception)
        {
            return Failed(Syntax(SyntaxMessage(source, exception), exception.LineNumber, exception.Column + 1));
        }
        catch (InsufficientExecutionStackException)
        {
            return Failed(Syntax("The expression is nested too deeply to be read; simplify it.", 1, 1));
        }

        var analysis = ExpressionAnalyzer.Analyze(parsed, context);
        if (!analysis.Problems.IsEmpty) return new ExpressionCompilation(null, analysis.Problems);

        // Parenthesized so that an object literal is not read as a block; the newline ends a trailing // comment.
        Prepared<Script> prepared;
        try
        {
            prepared = JintEngine.PrepareScript("(" + source + "\n)", "expression", strict: true, PreparationOptions);
        }
        catch (Exception exception) when (exception is JintException or ParseErrorException or InsufficientExecutionStackException)
        {
            return Failed(Syntax($"The expression cannot be prepared: {exception.Message}", 1, 1));
        }
        // The parse above proved the source is one expression; check the wrapped text still is (defense in depth).
        if (prepared.Program?.Body is not [ExpressionStatement])
            return Failed(Syntax("The expression must be a single JavaScript expression.", 1, 1));

        return new ExpressionCompilation(new CompiledExpression(source, prepared, analysis.ReadPaths), []);
    }

    private static string SyntaxMessage(string source, ParseErrorException exception)
    {
        var index = exception.Error.IsIndexDefined ? exception.Error.Index : -1;
        var hint = index >= 0 && index < source.Length && source[index] == ';'
            ? " An expression must be a single expression, without ';' or statements."
            : "";
        return $"The expression is not valid JavaScript: {exception.Description.TrimEnd('.')}.{hint}";
    }

    private static ExpressionProblem Syntax(string message, int line, int column) =>
        new(ValidationCodes.ExpressionSyntax, message, line, column);

    private static ExpressionCompilation Failed(ExpressionProblem problem) => new(null, [problem]);
}
