namespace Workflow.Engine.Expressions;

/// <summary>
/// The budgets every evaluation runs under. Workflow expressions compare a few numbers and walk
/// small arrays, so these are generous for real use and tight for runaway or hostile code.
/// </summary>
internal static class SandboxLimits
{
    /// <summary>
    /// Wall-clock, so a backstop rather than the main guard: the statement and memory limits stop
    /// runaway script deterministically within milliseconds, this catches slow native work. At
    /// 100 ms, trivial expressions timed out now and then on a loaded machine (GC pauses, busy
    /// cores), which would fail a gate for no reason of its own.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);
    public const int MaxStatements = 10_000;
    public const long MemoryBytes = 4_000_000;
    public const int MaxRecursion = 64;

    /// <summary>Largest array a script may create; Jint's default is unbounded.</summary>
    public const uint MaxArraySize = 100_000;

    /// <summary>
    /// Longest string <c>String.prototype.repeat</c> may build: Jint allocates a one-character
    /// repeat in one step, before any memory check could stop it.
    /// </summary>
    public const long MaxStringLength = MemoryBytes / sizeof(char);

    /// <summary>Deepest result the JSON conversion follows; deeper means a cycle or abuse.</summary>
    public const int MaxResultDepth = 64;

    /// <summary>Most values the JSON conversion of a result writes.</summary>
    public const int MaxResultValues = 100_000;
}
