using System.Globalization;
using System.Text.Json;
using Jint;
using Jint.Native;
using JintEngine = Jint.Engine;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Converts scope data to JavaScript by walking the JSON, building plain objects and arrays
/// directly: no reflection and no CLR wrappers, so scripts only ever see ordinary JS values.
/// </summary>
internal static class JsonToJs
{
    public static JsValue Convert(JintEngine engine, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsObject(engine);
                // A data property, never a [[Set]]: a "__proto__" key in the data stays a plain key.
                foreach (var property in element.EnumerateObject())
                    obj.FastSetDataProperty(property.Name, Convert(engine, property.Value));
                return obj;
            case JsonValueKind.Array:
                var items = new JsValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray()) items[i++] = Convert(engine, item);
                return new JsArray(engine, items);
            case JsonValueKind.String:
                return JsString.Create(element.GetString()!);
            case JsonValueKind.Number:
                // TryGetDouble refuses numbers beyond double's range; JavaScript reads them as ±Infinity.
                return JsNumber.Create(element.TryGetDouble(out var number)
                    ? number
                    : double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Null:
                return JsValue.Null;
            default:
                return JsValue.Undefined;
        }
    }
}
