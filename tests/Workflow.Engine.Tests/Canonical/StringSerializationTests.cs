using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>Strings are escaped minimally, as ECMAScript's JSON.stringify does (RFC 8785 §3.2.2.2).</summary>
public class StringSerializationTests
{
    [Theory]
    [InlineData("""  "\b\f\n\r\t"  """, "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("""  "\u0008\u000C\u000a\u000D\u0009"  """, "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("""  "\u0000\u0001\u001F\u001e\u000B"  """, "\"\\u0000\\u0001\\u001f\\u001e\\u000b\"")]
    [InlineData("""  "\"\\"  """, "\"\\\"\\\\\"")]
    [InlineData("""  "\u0022\u005C"  """, "\"\\\"\\\\\"")]
    [InlineData("""  "a\/b/c"  """, "\"a/b/c\"")]
    [InlineData("""  "\u0041\u00e9\u20AC"  """, "\"A\u00e9\u20ac\"")]
    [InlineData("""  "\u007f\u0080\u2028\u2029\ufeff\uffff"  """, "\"\u007f\u0080\u2028\u2029\ufeff\uffff\"")]
    [InlineData("""  "\uD83D\uDE00 and \ud800\udc00 and \uDBFF\uDFFF"  """, "\"\U0001F600 and \U00010000 and \U0010FFFF\"")]
    [InlineData("""  "</script>"  """, "\"</script>\"")]
    [InlineData("""  ""  """, "\"\"")]
    public void Escapes_are_minimal(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Of(json));
    }

    [Fact]
    public void Literal_non_ascii_is_copied_as_utf8()
    {
        string text = "\"h\u00e9 \u20ac \U0001F600 \u0800 \u2028\"";
        Assert.Equal(Encoding.UTF8.GetBytes(text), Jcs.BytesOf(text));
    }

    [Fact]
    public void Long_strings_with_escapes_are_written_whole()
    {
        string body = string.Concat(Enumerable.Repeat("x\\u0041\\n\u00e9", 5_000));
        string expected = string.Concat(Enumerable.Repeat("xA\\n\u00e9", 5_000));
        Assert.Equal($"\"{expected}\"", Jcs.Of($"\"{body}\""));
    }

    [Theory]
    [InlineData("""  "\ud800"  """, "\\ud800")]
    [InlineData("""  "a\uDEADb"  """, "\\udead")]
    [InlineData("""  "\ud83d\u0041"  """, "\\ud83d")]
    [InlineData("""  "\ud83dx"  """, "\\ud83d")]
    [InlineData("""  "\ude00\ud83d"  """, "\\ude00")]
    [InlineData("""  "\ud83d\ud83d\ude00"  """, "\\ud83d")]
    [InlineData("""  {"\udbff": 1}  """, "\\udbff")]
    [InlineData("""  {"a": {"b\udc00": 1}}  """, "\\udc00")]
    public void Lone_surrogates_are_refused(string json, string surrogate)
    {
        ArgumentException refusal = Jcs.Refused(json);
        Assert.Contains("lone surrogate", refusal.Message);
        Assert.Contains(surrogate, refusal.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })] // U+D800 encoded as UTF-8
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 })] // overlong "/"
    [InlineData(new byte[] { 0x22, 0x61, 0x5C, 0x6E, 0xFF, 0x22 })] // after an escape
    [InlineData(new byte[] { 0x7B, 0x22, 0xE2, 0x82, 0x22, 0x3A, 0x31, 0x7D })] // truncated name
    public void Invalid_utf8_is_refused(byte[] json)
    {
        // JsonDocument accepts these bytes; the canonicalizer must not hash them.
        Assert.Contains("invalid UTF-8", Jcs.Refused(json).Message);
    }

    /// <summary>Jint's JSON.stringify is an independent ECMAScript implementation of the rule.</summary>
    [Fact]
    public void Random_strings_match_ecmascript_json_stringify()
    {
        var engine = new Jint.Engine();
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string[] pieces = ["a", "Z", " ", "/", "\"", "\\", "\0", "\u0001", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001f",
            "\u007f", "\u0080", "\u00e9", "\u2028", "\u2029", "\u20ac", "\ufb33", "\ue000", "\uffff", "\U0001F600", "\U00010000", "\U0010FFFF"];
        Gen.OneOf(pieces).Array[0, 12].Select(string.Concat).Sample(
            text =>
            {
                engine.SetValue("text", text);
                string expected = engine.Evaluate("JSON.stringify(text)").ToString();
                Assert.Equal(expected, Jcs.Of(JsonSerializer.Serialize(text))); // escapes nearly everything
                Assert.Equal(expected, Jcs.Of(JsonSerializer.Serialize(text, relaxed))); // escapes little
            },
            iter: 5_000,
            threads: 1);
    }
}
