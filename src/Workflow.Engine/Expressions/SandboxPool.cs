using Jint;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// One hardened engine per thread. Building an engine (and freezing its intrinsics) costs
/// milliseconds, an evaluation microseconds, so engines are reused; they are not thread-safe,
/// hence one per thread. Renting takes the engine out of the slot, so a nested or failed
/// evaluation can never share it: a failed one is simply not returned.
/// </summary>
internal static class SandboxPool
{
    [ThreadStatic]
    private static JintEngine? t_engine;

    public static JintEngine Rent()
    {
        var engine = t_engine;
        t_engine = null;
        return engine ?? SandboxEngine.Create();
    }

    public static void Return(JintEngine engine)
    {
        if (t_engine is null) t_engine = engine;
        else engine.Dispose();
    }
}
