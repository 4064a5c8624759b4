using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Estimates the size of what a built-in that walks nested data in one native step would build
/// (join, JSON.stringify, flat). Jint checks its limits between steps, not inside one, so
/// <c>String(Array(9999).fill(Array(9999).fill(1)))</c> would build 200 million characters before
/// any check ran. Each array or object is measured once however often it is referenced, and the
/// walk itself stops after a bounded number of elements.
/// </summary>
internal sealed class WorkEstimate
{
    private const int MaxVisits = 4 * (int)SandboxLimits.MaxArraySize;

    private readonly Dictionary<(ObjectInstance, int), double> _known = [];
    private readonly HashSet<ObjectInstance> _active = new(ReferenceEqualityComparer.Instance);
    private readonly double _limit;
    private int _visits;

    public WorkEstimate(double limit) => _limit = limit;

    /// <summary>Characters <c>join</c> builds; nested arrays are joined again by their toString.</summary>
    public double Join(ObjectInstance array, double separator) =>
        Walk(array, 0, (element, size) => size + element switch
        {
            JsString text => text.Length,
            ObjectInstance nested when nested.IsArray() => Join(nested, 1),
            JsNumber => 24,
            _ => 16, // booleans, "[object Object]", a custom toString (which runs, and is checked, as script)
        }, Math.Max(0, Length(array) - 1) * separator);

    /// <summary>Elements <c>flat(depth)</c> builds. A cycle within the depth is endless: infinite.</summary>
    public double Flat(ObjectInstance array, double depth) =>
        Walk(array, (int)Math.Min(depth, 10_000), (element, size) =>
            depth >= 1 && element is ObjectInstance nested && nested.IsArray()
                ? size + (_active.Contains(nested) ? double.PositiveInfinity : Flat(nested, depth - 1))
                : size + 1, 0);

    /// <summary>Characters <c>JSON.stringify</c> writes, indentation included.</summary>
    public double Json(JsValue value, int depth, double indent) => value switch
    {
        JsString text => text.Length + 2,
        ObjectInstance array when array.IsArray() =>
            Walk(array, indent > 0 ? depth : 0, (element, size) => size + 1 + depth * indent + Json(element, depth + 1, indent), 2),
        ObjectInstance obj when !obj.IsCallable() => Properties(obj, depth, indent),
        _ => 24,
    };

    private double Properties(ObjectInstance obj, int depth, double indent)
    {
        var key = (obj, indent > 0 ? depth : -1);
        if (_known.TryGetValue(key, out var size)) return size;
        if (!_active.Add(obj)) return 0; // JSON.stringify refuses cycles itself
        size = 2;
        foreach (var name in obj.GetOwnPropertyKeys(Types.String))
        {
            if (++_visits > MaxVisits || size > _limit) { size = double.PositiveInfinity; break; }
            size += name.ToString().Length + 4 + depth * indent + Json(obj.Get(name), depth + 1, indent);
        }
        _active.Remove(obj);
        return _known[key] = size;
    }

    private double Walk(ObjectInstance array, int level, Func<JsValue, double, double> add, double size)
    {
        var key = (array, level);
        if (_known.TryGetValue(key, out var known)) return known;
        if (!_active.Add(array)) return 0; // join prints a cyclic reference as ''
        var length = Length(array);
        for (ulong i = 0; i < length && size <= _limit; i++)
        {
            if (++_visits > MaxVisits) { size = double.PositiveInfinity; break; }
            size = add(array.Get(JsNumber.Create((double)i)), size);
        }
        _active.Remove(array);
        return _known[key] = size;
    }

    public static double Length(JsValue value) =>
        value is ObjectInstance obj ? TypeConverter.ToLength(obj.Get("length")) : 0;
}
