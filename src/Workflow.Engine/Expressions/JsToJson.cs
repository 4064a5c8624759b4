using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Workflow.Engine.Values;

namespace Workflow.Engine.Expressions;

/// <summary>
/// Converts an expression's result to JSON. Only plain data crosses: primitives, arrays and plain
/// objects. Property values are read from their descriptors, never through getters, because a
/// getter would run script outside the engine's limits.
/// </summary>
internal sealed class JsToJson
{
    // Non-ASCII text (Chinese titles, names) is kept as is rather than escaped; HTML-sensitive characters still are.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Utf8JsonWriter _writer;
    private readonly List<string> _failurePath = [];
    private string? _failure;
    private int _values;

    private JsToJson(Utf8JsonWriter writer) => _writer = writer;

    public static ExpressionOutcome Convert(JsValue value)
    {
        // Fast paths for what decisions and gates return.
        if (value.Type == Types.Boolean) return ExpressionOutcome.Success(JsonValues.From(value.AsBoolean()));
        if (value.Type is Types.Null or Types.Undefined) return ExpressionOutcome.Success(JsonValues.Null);

        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        var converter = new JsToJson(writer);
        bool written;
        try
        {
            written = converter.Write(value, 0);
        }
        catch (ArgumentException)
        {
            // Utf8JsonWriter refuses lone UTF-16 surrogates, which JavaScript strings may hold.
            return ExpressionOutcome.Failure(ExpressionErrorCodes.ResultUnsupported, "The expression gave text that is not valid Unicode, which cannot be stored as JSON.");
        }
        if (!written)
        {
            var where = converter._failurePath.Count == 0 ? "" : $" at {string.Concat(converter._failurePath).TrimStart('.')}";
            return ExpressionOutcome.Failure(ExpressionErrorCodes.ResultUnsupported, $"The expression's result{where} {converter._failure}.");
        }
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return ExpressionOutcome.Success(JsonElement.ParseValue(ref reader));
    }

    private bool Write(JsValue value, int depth)
    {
        if (++_values > SandboxLimits.MaxResultValues)
            return Fail($"has more than {SandboxLimits.MaxResultValues} values, which is too large to store");
        switch (value.Type)
        {
            case Types.Undefined or Types.Null:
                _writer.WriteNullValue();
                return true;
            case Types.Boolean:
                _writer.WriteBooleanValue(value.AsBoolean());
                return true;
            case Types.String:
                _writer.WriteStringValue(value.AsString());
                return true;
            case Types.Number:
                return WriteNumber(value.AsNumber());
            case Types.Object:
                if (depth >= SandboxLimits.MaxResultDepth)
                    return Fail($"is nested more than {SandboxLimits.MaxResultDepth} levels deep (or refers to itself), which cannot be stored as JSON");
                if (value.IsCallable()) return Fail("is a function, which cannot be stored as JSON");
                if (value is JsArray array) return WriteArray(array, depth);
                if (value.GetType() == typeof(JsObject)) return WriteObject((ObjectInstance)value, depth);
                return Fail($"is a {value.GetType().Name.Replace("Js", "", StringComparison.Ordinal)} object, which cannot be stored as JSON; give plain values, arrays or objects");
            default:
                return Fail($"is a {value.Type.ToString().ToLowerInvariant()}, which cannot be stored as JSON");
        }
    }

    private bool WriteNumber(double number)
    {
        if (double.IsNaN(number)) return Fail("is NaN (not a number), which cannot be stored as JSON; check for a division by zero or a missing value");
        if (double.IsInfinity(number)) return Fail("is Infinity, which cannot be stored as JSON; check for a division by zero");
        // Integral values are written as integers (1.0 -> 1), so counts read back as whole numbers.
        if (number == Math.Truncate(number) && Math.Abs(number) <= 9007199254740992) _writer.WriteNumberValue((long)number);
        else _writer.WriteNumberValue(number);
        return true;
    }

    private bool WriteArray(JsArray array, int depth)
    {
        _writer.WriteStartArray();
        var length = array.Length;
        for (uint i = 0; i < length; i++)
        {
            var descriptor = array.GetOwnProperty(JsNumber.Create((long)i));
            if (!Element(descriptor, depth)) return Unwind($"[{i}]");
        }
        _writer.WriteEndArray();
        return true;
    }

    private bool WriteObject(ObjectInstance obj, int depth)
    {
        _writer.WriteStartObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = obj.GetOwnProperty(key);
            // As JSON.stringify: non-enumerable and undefined-valued properties are left out.
            if (!descriptor.Enumerable || (descriptor.IsDataDescriptor() && descriptor.Value.IsUndefined())) continue;
            var name = key.AsString();
            _writer.WritePropertyName(name);
            if (!Element(descriptor, depth)) return Unwind("." + name);
        }
        _writer.WriteEndObject();
        return true;
    }

    private bool Element(Jint.Runtime.Descriptors.PropertyDescriptor descriptor, int depth)
    {
        if (descriptor == Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
        {
            _writer.WriteNullValue(); // an array hole, as JSON.stringify writes it
            return true;
        }
        if (descriptor.IsAccessorDescriptor()) return Fail("has a getter or setter, which cannot be stored as JSON");
        return Write(descriptor.Value, depth + 1);
    }

    private bool Fail(string reason)
    {
        _failure = reason;
        return false;
    }

    private bool Unwind(string segment)
    {
        _failurePath.Insert(0, segment);
        return false;
    }

    internal static string Describe(JsValue value) => value.Type switch
    {
        Types.Undefined => "undefined",
        Types.Null => "null",
        Types.Number => "the number " + value.AsNumber().ToString("R", CultureInfo.InvariantCulture),
        Types.String => $"the string \"{Shorten(value.AsString())}\"",
        Types.Object when value.IsCallable() => "a function",
        Types.Object when value.IsArray() => "an array",
        Types.Object => "an object",
        _ => "a " + value.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
