using Workflow.Engine.Texts;
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
            return Failed(Syntax(EngineText.Of("expression.empty"), 1, 1));
        if (source.Length > MaxSourceLength)
            return Failed(Syntax(EngineText.Of("expression.too_long", ("length", source.Length), ("max", MaxSourceLength)), 1, 1));

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
            return Failed(Syntax(EngineText.Of("expression.too_deep_to_read"), 1, 1));
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
            return Failed(Syntax(EngineText.Of("expression.not_prepared", ("error", exception.Message)), 1, 1));
        }
        // The parse above proved the source is one expression; check the wrapped text still is (defense in depth).
        if (prepared.Program?.Body is not [ExpressionStatement])
            return Failed(Syntax(EngineText.Of("expression.not_single"), 1, 1));

        return new ExpressionCompilation(new CompiledExpression(source, prepared, analysis.ReadPaths), []);
    }

    /// <summary>The parser's own description (English, from Acornima) is an argument; the sentence around it and the hint are ours.</summary>
    private static EngineText SyntaxMessage(string source, ParseErrorException exception)
    {
        var index = exception.Error.IsIndexDefined ? exception.Error.Index : -1;
        var hint = index >= 0 && index < source.Length && source[index] == ';' ? EngineText.Of("expression.hint_single") : EngineText.Of("text.empty");
        return EngineText.Of("expression.syntax", ("error", exception.Description.TrimEnd('.')), ("hint", hint));
    }

    private static ExpressionProblem Syntax(EngineText text, int line, int column) =>
        new(ValidationCodes.ExpressionSyntax, text, line, column);

    private static ExpressionCompilation Failed(ExpressionProblem problem) => new(null, [problem]);
}
