using System.Diagnostics;
using System.Text.RegularExpressions;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JintEngine = Jint.Engine;
using Workflow.Engine.Values;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Runs a prepared expression on a pooled engine and turns every outcome, including every
/// exception, into an <see cref="ExpressionOutcome"/>.
/// </summary>
internal static class ExpressionEvaluator
{
    public static ExpressionOutcome Evaluate(in Prepared<Script> script, ScopeNeeds needs, ExpressionScope scope, bool requireBoolean)
    {
        JintEngine? engine = null;
        var reusable = false;
        try
        {
            engine = SandboxPool.Rent();
            ScopeBinder.Bind(engine, needs, scope);
            var started = Stopwatch.GetTimestamp();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var value = engine.Evaluate(in script);
            reusable = true;
            if (OverBudget(started, allocated) is { } overBudget) return overBudget;
            if (!requireBoolean) return JsToJson.Convert(value);
            return value.Type == Types.Boolean
                ? ExpressionOutcome.Success(JsonValues.From(value.AsBoolean()))
                : ExpressionOutcome.Failure(ExpressionErrorCodes.NotBoolean,
                    $"The expression must give true or false, but gave {JsToJson.Describe(value)}. Compare explicitly, for example x > 0 or x === 'yes'.");
        }
        catch (JavaScriptException exception) when (exception.InnerException is not RegexMatchTimeoutException)
        {
            // An ordinary script error leaves the engine consistent (Jint unwinds its own state).
            reusable = true;
            return ExpressionOutcome.Failure(ExpressionErrorCodes.Runtime, RuntimeMessage(exception));
        }
        catch (Exception exception)
        {
            // A limit or an unexpected failure may have stopped Jint mid-way: never reuse that engine.
            return Map(exception);
        }
        finally
        {
            if (engine is not null) Release(engine, reusable);
        }
    }

    /// <summary>
    /// Jint checks its limits between steps; a single built-in call can overrun them and return.
    /// Checked again here so that an evaluation over budget never produces a result.
    /// </summary>
    private static ExpressionOutcome? OverBudget(long started, long allocated)
    {
        if (Stopwatch.GetElapsedTime(started) > SandboxLimits.Timeout)
            return Map(new TimeoutException());
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return used > SandboxLimits.MemoryBytes
            ? Map(new MemoryLimitExceededException($"it allocated {used} bytes"))
            : null;
    }

    private static void Release(JintEngine engine, bool reusable)
    {
        try
        {
            if (reusable)
            {
                ScopeBinder.Clear(engine);
                SandboxPool.Return(engine);
                return;
            }
        }
        catch (Exception)
        {
            // Never let cleanup throw out of Evaluate: the engine is dropped instead.
        }
        engine.Dispose();
    }

    private static ExpressionOutcome Map(Exception exception) => exception switch
    {
        // Before TimeoutException, which RegexMatchTimeoutException derives from.
        RegexMatchTimeoutException or JavaScriptException { InnerException: RegexMatchTimeoutException } => Failure(ExpressionErrorCodes.RegexTimeout,
            $"A regular expression ran longer than {SandboxLimits.RegexTimeout.TotalMilliseconds:0} ms (catastrophic backtracking) and was stopped; simplify the pattern."),
        TimeoutException or ExecutionCanceledException => Failure(ExpressionErrorCodes.Timeout,
            $"The expression ran longer than {SandboxLimits.Timeout.TotalMilliseconds:0} ms and was stopped."),
        StatementsCountOverflowException => Failure(ExpressionErrorCodes.StatementLimit,
            $"The expression ran more than {SandboxLimits.MaxStatements} steps and was stopped; it probably loops over far more data than intended."),
        MemoryLimitExceededException or OutOfMemoryException => Failure(ExpressionErrorCodes.MemoryLimit,
            $"The expression needed more than {SandboxLimits.MemoryBytes / 1_000_000} MB of memory and was stopped ({exception.Message})."),
        RecursionDepthOverflowException or InsufficientExecutionStackException => Failure(ExpressionErrorCodes.RecursionLimit,
            $"The expression nested function calls more than {SandboxLimits.MaxRecursion} deep (runaway recursion) and was stopped."),
        _ => Failure(ExpressionErrorCodes.Runtime, $"The expression failed unexpectedly: {exception.Message}"),
    };

    private static string RuntimeMessage(JavaScriptException exception)
    {
        var error = exception.Error is { } value && value.IsObject() ? value.ToString() : exception.Message;
        var start = exception.Location.Start;
        // The prepared script is "(" + source + "\n)": on the first line, columns are shifted by one.
        var where = start.Line > 0 ? $" (line {start.Line}, column {(start.Line == 1 ? start.Column : start.Column + 1)})" : "";
        return $"The expression failed{where}: {error}";
    }

    private static ExpressionOutcome Failure(string code, string message) => ExpressionOutcome.Failure(code, message);
}
