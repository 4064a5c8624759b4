using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Replaces the built-ins that would break determinism or carry data from one evaluation to the
/// next, and wraps those that Jint lets do
/// unbounded work in one native step, before any of its limits is checked: each wrapper first
/// estimates the size of what the call would build and refuses it as a memory-limit failure.
/// Installed before the intrinsics are frozen.
/// </summary>
internal static class SandboxGuards
{
    private const double MaxChars = SandboxLimits.MaxStringLength;
    private const double MaxElements = SandboxLimits.MaxArraySize;

    public static void Install(JintEngine engine)
    {
        var math = Global(engine, "Math");
        Define(math, "random", new ClrFunction(engine, "random", (_, _) =>
            throw new JavaScriptException(engine.Intrinsics.Error,
                "Math.random is not available: an expression must give the same result every time it runs.")));

        // RegExp.input, RegExp.$1, RegExp.lastMatch... keep the last match made on the engine, so a later
        // expression (reaching RegExp through a regex literal) could read another one's data.
        var regExp = Global(engine, "RegExp");
        foreach (var key in regExp.GetOwnPropertyKeys(Types.String))
            if (key.AsString() is not ("length" or "name" or "prototype" or "escape")) regExp.Delete(key);

        var strings = Global(engine, "String").Get("prototype").AsObject();
        // 'x'.repeat(2 ** 28) allocates 512 MB at once.
        Guard(engine, strings, "repeat", 1, "characters", (self, args) =>
            TypeConverter.ToString(self).Length * TypeConverter.ToIntegerOrInfinity(Argument(args, 0)), MaxChars);
        Guard(engine, strings, "concat", 1, "characters", (self, args) =>
            TypeConverter.ToString(self).Length + args.Sum(a => a is JsString text ? text.Length : 0), MaxChars);
        Guard(engine, strings, "replaceAll", 2, "characters", ReplaceAllSize, MaxChars);

        var arrays = Global(engine, "Array").Get("prototype").AsObject();
        // On an array-like ({ length: 2 ** 30 }) these allocate the whole copy before MaxArraySize applies.
        foreach (var (name, length) in new[] { ("toSorted", 1), ("toReversed", 0), ("with", 2) })
            Guard(engine, arrays, name, length, "elements", (self, _) => WorkEstimate.Length(self), MaxElements);
        // join is also what toString, String(array), `${array}` and array + '' call.
        Guard(engine, arrays, "join", 1, "characters", (self, args) => self is ObjectInstance array
            ? new WorkEstimate(MaxChars).Join(array, Argument(args, 0).IsUndefined() ? 1 : TypeConverter.ToString(args[0]).Length)
            : 0, MaxChars);
        Guard(engine, arrays, "flat", 0, "elements", (self, args) => self is ObjectInstance array
            ? new WorkEstimate(MaxElements).Flat(array, Argument(args, 0).IsUndefined() ? 1 : TypeConverter.ToIntegerOrInfinity(args[0]))
            : 0, MaxElements);
        // Without a comparator, elements are compared as strings: nested arrays are joined for each.
        foreach (var name in new[] { "sort", "toSorted" })
            Guard(engine, arrays, name, 1, "characters to compare", (self, args) => self is ObjectInstance array && Argument(args, 0).IsUndefined()
                ? new WorkEstimate(MaxChars).Join(array, 0)
                : 0, MaxChars);
        // Walks nested arrays like join, but about forty times slower; an expression can map and join instead.
        Define(arrays, "toLocaleString", new ClrFunction(engine, "toLocaleString", (_, _) =>
            throw new JavaScriptException(engine.Intrinsics.TypeError,
                "Array.prototype.toLocaleString is not available in expressions; use array.map(x => x.toLocaleString()).join(', ').")));

        Guard(engine, Global(engine, "JSON"), "stringify", 3, "characters", (_, args) =>
            new WorkEstimate(MaxChars).Json(Argument(args, 0), 1, Indent(Argument(args, 2))), MaxChars);
        // Object.assign({}, ...Array(9999).fill(big)) copies every property of every source in one step.
        Guard(engine, Global(engine, "Object"), "assign", 2, "property copies", (_, args) => PropertyCopies(args), MaxElements);
    }

    private static void Guard(JintEngine engine, ObjectInstance target, string name, int length, string unit,
        Func<JsValue, JsValue[], double> size, double limit)
    {
        var original = target.Get(name);
        Define(target, name, new ClrFunction(engine, name, (self, args) =>
        {
            var wanted = size(self, args);
            if (wanted > limit)
                throw new MemoryLimitExceededException($"{name} would make {(double.IsInfinity(wanted) ? "endless" : $"about {wanted:0}")} {unit}, more than the limit of {limit:0}");
            return original.Call(self, args);
        }, length));
    }

    /// <summary>
    /// With a string pattern, replaceAll builds its result natively in one step (a regex pattern or
    /// a replacer function runs in checked steps). "$&amp;" inserts the match, "$`" and "$'" whole
    /// parts of the text, so each can multiply the size.
    /// </summary>
    private static double ReplaceAllSize(JsValue self, JsValue[] args)
    {
        if (Argument(args, 0) is not JsString pattern || Argument(args, 1) is not JsString replacement) return 0;
        double text = TypeConverter.ToString(self).Length;
        string search = pattern.ToString(), with = replacement.ToString();
        var matches = search.Length == 0 ? text + 1 : Math.Floor(text / search.Length);
        var perMatch = with.Length + Occurrences(with, "$&") * search.Length + (Occurrences(with, "$`") + Occurrences(with, "$'")) * text;
        return text + matches * perMatch;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static double PropertyCopies(JsValue[] args)
    {
        var counts = new Dictionary<ObjectInstance, int>(ReferenceEqualityComparer.Instance);
        double total = 0;
        for (var i = 1; i < args.Length && total <= MaxElements; i++)
        {
            if (args[i] is JsString text) total += text.Length;
            else if (args[i] is ObjectInstance source)
            {
                if (!counts.TryGetValue(source, out var count))
                    counts[source] = count = source.IsArray() ? (int)Math.Min(WorkEstimate.Length(source), int.MaxValue) : source.GetOwnPropertyKeys().Count;
                total += count;
            }
        }
        return total;
    }

    private static double Indent(JsValue space) => space switch
    {
        JsNumber number => Math.Clamp(number.AsNumber(), 0, 10),
        JsString text => Math.Min(text.Length, 10),
        _ => 0,
    };

    private static ObjectInstance Global(JintEngine engine, string name) => engine.Global.Get(name).AsObject();

    private static JsValue Argument(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static void Define(ObjectInstance target, string name, ClrFunction function) =>
        target.DefineOwnProperty(name, new PropertyDescriptor(function, writable: true, enumerable: false, configurable: true));
}
