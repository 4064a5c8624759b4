using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Builds the Jint engines expressions run on: strict, no CLR, no code from strings, invariant
/// culture, UTC, bounded, with only the allow-listed globals and with every intrinsic frozen so
/// that one evaluation cannot change what the next one sees on a reused engine.
/// </summary>
internal static class SandboxEngine
{
    public static JintEngine Create()
    {
        var engine = new JintEngine(options =>
        {
            options.Strict()
                .DisableStringCompilation()
                .Culture(CultureInfo.InvariantCulture)
                .LocalTimeZone(TimeZoneInfo.Utc)
                .TimeoutInterval(SandboxLimits.Timeout)
                .MaxStatements(SandboxLimits.MaxStatements)
                .LimitMemory(SandboxLimits.MemoryBytes)
                .LimitRecursion(SandboxLimits.MaxRecursion)
                .RegexTimeoutInterval(SandboxLimits.RegexTimeout)
                .MaxArraySize(SandboxLimits.MaxArraySize);
            // Both are Jint's defaults; stated so that nobody enables CLR access here by accident.
            options.Interop.Enabled = false;
            options.Constraints.StackOverflowGuard = true;
        });
        SandboxGuards.Install(engine);
        Freeze(engine);
        RemoveGlobals(engine);
        ScopeBinder.Clear(engine);
        // The first run of an interpreter path JIT-compiles it; doing that here, outside any
        // evaluation's 100 ms, keeps a cold process from timing out its first real expressions.
        engine.Evaluate(WarmUp);
        return engine;
    }

    private static readonly Prepared<Acornima.Ast.Script> WarmUp = JintEngine.PrepareScript("""
        [1, 2, 3].map(x => x * 2).filter(x => x > 2).every(x => x > 0) && [3, 1].toSorted()[0] === 1
          && 'a-b'.split('-').join(',').replaceAll(',', ';').length > 0 && `${1}`.concat('x') === '1x'
          && JSON.stringify({ a: [1, 'x', null] }).length > 0 && Object.keys({ a: 1 }).includes('a')
          && Math.max(1, 2) >= 0.5 && /a+/.test('aa') && Array.from({ length: 2 }, (_, i) => i).flat().length === 2
        """, "warm-up", strict: true);

    /// <summary>
    /// Freezes every object reachable from the globals and from a few built-in objects that no
    /// global names (iterator prototypes). Done before the globals are removed, so that a built-in
    /// still reachable through a prototype (a regex literal's RegExp) is frozen too.
    /// </summary>
    private static void Freeze(JintEngine engine)
    {
        var freeze = engine.Intrinsics.Object.Get("freeze");
        var seeds = engine.Evaluate("""
            [[].values(), ''[Symbol.iterator](), new Map().entries(), new Set().values(), 'a'.matchAll(/a/g),
             [].values().map(x => x), /a/, (function* () {})(), async () => {}, Object.getPrototypeOf(Int8Array)]
            """).AsArray();

        var pending = new Stack<JsValue>();
        foreach (var (_, descriptor) in engine.Global.GetOwnProperties()) PushValues(pending, descriptor);
        for (uint i = 0; i < seeds.Length; i++) pending.Push(seeds.Get(i));

        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance) { engine.Global };
        while (pending.Count > 0)
        {
            if (pending.Pop() is not ObjectInstance obj || !seen.Add(obj)) continue;
            foreach (var (_, descriptor) in obj.GetOwnProperties()) PushValues(pending, descriptor);
            if (obj.Prototype is { } prototype) pending.Push(prototype);
            engine.Call(freeze, JsValue.Undefined, [obj]);
        }
    }

    private static void PushValues(Stack<JsValue> pending, Jint.Runtime.Descriptors.PropertyDescriptor descriptor)
    {
        if (descriptor.IsAccessorDescriptor())
        {
            if (descriptor.Get is { } getter) pending.Push(getter);
            if (descriptor.Set is { } setter) pending.Push(setter);
        }
        else if (descriptor.Value is { } value)
        {
            pending.Push(value);
        }
    }

    /// <summary>
    /// Deletes every global not on the allow-list (Date, Reflect, Proxy, Intl, Temporal, eval,
    /// Function...), mirroring the load-time check so that nothing smuggled past it finds them.
    /// </summary>
    private static void RemoveGlobals(JintEngine engine)
    {
        foreach (var key in engine.Global.GetOwnPropertyKeys())
            if (!key.IsString() || !ExpressionNames.AllowedGlobals.Contains(key.AsString()))
                engine.Global.Delete(key);
    }
}
