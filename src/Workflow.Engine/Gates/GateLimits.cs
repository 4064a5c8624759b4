namespace Workflow.Engine.Gates;

/// <summary>
/// What one phase's exit gates may cost. Every progress read and every transition evaluates them, for any caller, so a
/// template cannot be allowed to make that slow: the count is checked at publish, the time when they run.
/// </summary>
public static class GateLimits
{
    /// <summary>Exit gates per phase, refused at publish above this.</summary>
    public const int MaxPerPhase = 20;

    /// <summary>
    /// Gates that may run into the expression time limit in one evaluation of a phase's gates; the gates after them are
    /// reported as errors without running, so an evaluation spends at most this many time limits (2 × 500 ms) on slow conditions.
    /// </summary>
    public const int TimeoutsPerEvaluation = 2;

    /// <summary>
    /// The wall-clock time after which no further gate of the evaluation starts, for conditions that each stay just under the
    /// expression limit. Generous (ordinary gates take microseconds; a cold start or a loaded machine must not trip it) and
    /// checked before each gate, so the first always runs.
    /// </summary>
    public static readonly TimeSpan EvaluationTime = TimeSpan.FromSeconds(3);

    /// <summary>The code at the head of the message of a gate that was not run because the budget was spent.</summary>
    public const string BudgetExhausted = "gate.budget_exhausted";
}
