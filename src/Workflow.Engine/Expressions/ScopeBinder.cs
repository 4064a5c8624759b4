using System.Collections.Immutable;
using System.Text.Json;
using Jint;
using Jint.Native;
using static Workflow.Engine.Expressions.ExpressionNames;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Puts the scope into an engine's globals before an evaluation and takes it out after. Every
/// evaluation gets freshly built objects, so an expression that mutates them (<c>results.a.push(1)</c>)
/// cannot change what a later evaluation sees.
/// </summary>
internal static class ScopeBinder
{
    public static void Bind(JintEngine engine, ScopeNeeds needs, ExpressionScope scope)
    {
        engine.SetValue(ExpressionNames.Inputs, Section(engine, scope.Inputs, needs.Inputs));
        engine.SetValue(ExpressionNames.Variables, Section(engine, scope.Variables, needs.Variables));
        engine.SetValue(ExpressionNames.Results, Section(engine, scope.Results, needs.Results));
        engine.SetValue(ExpressionNames.Findings, needs.Findings ? FindingsArray(engine, scope.Findings) : JsValue.Undefined);
        engine.SetValue(ExpressionNames.Item, needs.Item && scope.Item is { } item ? JsonToJs.Convert(engine, item) : JsValue.Undefined);
        engine.SetValue(ExpressionNames.Index, needs.Index && scope.Index is { } index ? JsNumber.Create(index) : JsValue.Undefined);
    }

    /// <summary>Drops the references to the last scope, so an idle engine keeps no data alive.</summary>
    public static void Clear(JintEngine engine)
    {
        foreach (var root in Roots) engine.SetValue(root, JsValue.Undefined);
    }

    private static JsValue Section(JintEngine engine, IReadOnlyDictionary<string, JsonElement>? data, SectionNeed need)
    {
        if (need.IsNone || data is null) return JsValue.Undefined;
        var section = new JsObject(engine);
        if (need.All)
        {
            foreach (var (name, value) in data) section.FastSetDataProperty(name, JsonToJs.Convert(engine, value));
        }
        else
        {
            foreach (var name in need.Names)
                if (data.TryGetValue(name, out var value)) section.FastSetDataProperty(name, JsonToJs.Convert(engine, value));
        }
        return section;
    }

    private static JsArray FindingsArray(JintEngine engine, ImmutableArray<JsonElement> findings)
    {
        if (findings.IsDefaultOrEmpty) return new JsArray(engine, []);
        var items = new JsValue[findings.Length];
        for (var i = 0; i < items.Length; i++) items[i] = JsonToJs.Convert(engine, findings[i]);
        return new JsArray(engine, items);
    }
}
