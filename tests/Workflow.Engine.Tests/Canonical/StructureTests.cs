using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Workflow.Engine.Canonical;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>Whitespace, member order, nesting, duplicates and left-out top-level members.</summary>
public class StructureTests
{
    private static readonly HashSet<string> Metadata = ["id", "isLatest", "createdAt"];

    [Theory]
    [InlineData(" null ", "null")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("[ ]", "[]")]
    [InlineData("{ }", "{}")]
    [InlineData("[ 1 , [ 2 , [ ] ] , { } ]", "[1,[2,[]],{}]")]
    [InlineData("""{ "b" : [ 3 , 1 , 2 ] , "a" : { "z" : null , "y" : true } }""", """{"a":{"y":true,"z":null},"b":[3,1,2]}""")]
    [InlineData("""[{"b":1,"a":2},{"d":1,"c":2}]""", """[{"a":2,"b":1},{"c":2,"d":1}]""")]
    [InlineData("""{"B":1,"a":2,"A":3,"b":4,"_":5,"0":6}""", """{"0":6,"A":3,"B":1,"_":5,"a":2,"b":4}""")]
    [InlineData("""{"\u0061b":1,"a":2}""", """{"a":2,"ab":1}""")]
    public void Structure_is_sorted_and_compact(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Of(json));
    }

    /// <summary>The vectors of the JCS reference implementations (cyberphone/json-canonicalization testdata).</summary>
    [Theory]
    [InlineData("[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]", "[56,{\"1\":[],\"10\":null,\"d\":true}]")]
    [InlineData("{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}",
        "{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],\"A\":{},\"a\":{}}")]
    [InlineData("{\n  \"peach\": \"This sorting order\",\n  \"p\u00e9ch\u00e9\": \"is wrong according to French\",\n  \"p\u00eache\": \"but canonicalization MUST\",\n  \"sin\":   \"ingnore locale\"\n}",
        "{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\",\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}")]
    [InlineData("{\n  \"Unnormalized Unicode\":\"\\u1e0d\\u0307\"\n}", "{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}")]
    [InlineData("{\n  \"numbers\": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n  \"escaping\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n  \"literals\": [null, true, false]\n}",
        "{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}")]
    [InlineData("{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"</script>\": \"Browser Challenge\"\n}",
        "{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\U0001F602\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}")]
    public void Reference_implementation_vectors(string json, string expected)
    {
        Assert.Equal(expected, Jcs.Of(json));
    }

    [Theory]
    [InlineData("\U0001F600", "\uffff")]
    [InlineData("\U00010000", "\ue000")]
    [InlineData("\U0010FFFF", "\ufb33")]
    [InlineData("\ud7ff", "\ue000")]
    [InlineData("\ud7ff", "\U00010000")]
    [InlineData("\U0001F600", "\U0001F601")]
    [InlineData("a", "ab")]
    [InlineData("", "a")]
    public void Names_compare_by_utf16_code_units(string smaller, string larger)
    {
        Assert.True(string.CompareOrdinal(smaller, larger) < 0); // the rule itself
        byte[] x = Encoding.UTF8.GetBytes(smaller);
        byte[] y = Encoding.UTF8.GetBytes(larger);
        Assert.True(MemberNameComparer.CompareUtf8AsUtf16(x, y) < 0);
        Assert.True(MemberNameComparer.CompareUtf8AsUtf16(y, x) > 0);
        Assert.Equal(0, MemberNameComparer.CompareUtf8AsUtf16(x, x));
    }

    [Fact]
    public void Random_names_come_out_in_ordinal_utf16_order()
    {
        string[] pieces = ["a", "b", "A", "1", "\r", "\u0080", "\u00f6", "\u20ac", "\ud7ff", "\ue000", "\ufb33", "\uffff", "\U0001F600", "\U00010000"];
        Gen.OneOf(pieces).Array[0, 4].Select(string.Concat).HashSet[0, 12].Sample(
            names =>
            {
                var input = names.ToDictionary(name => name, name => name.Length);
                using var document = JsonDocument.Parse(JsonSerializer.Serialize(input));
                using var output = JsonDocument.Parse(JsonCanonicalizer.Canonicalize(document.RootElement));
                string[] written = [.. output.RootElement.EnumerateObject().Select(p => p.Name)];
                string[] expected = [.. names.Order(StringComparer.Ordinal)];
                Assert.Equal(expected, written);
            },
            iter: 2_000);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "a")]
    [InlineData("""{"a":1,"\u0061":1}""", "a")]
    [InlineData("""{"x":[{"b":1,"c":2,"b":3}]}""", "b")]
    [InlineData("""{"id":1,"id":2}""", "id")]
    public void Duplicate_names_are_refused(string json, string name)
    {
        // "id" is left out below, yet a duplicated one is still a malformed document.
        ArgumentException refusal = Assert.Throws<ArgumentException>(() => Jcs.Of(json, Metadata));
        Assert.Contains($"Duplicate property name \"{name}\"", refusal.Message);
    }

    [Fact]
    public void Ignored_names_leave_out_top_level_members_only()
    {
        const string json = """
            {"id":"x","isLatest":true,"createdAt":"2026-01-01","name":"n",
             "steps":[{"id":"s1","createdAt":1}],"meta":{"isLatest":false}}
            """;
        Assert.Equal(
            """{"meta":{"isLatest":false},"name":"n","steps":[{"createdAt":1,"id":"s1"}]}""",
            Jcs.Of(json, Metadata));
    }

    [Fact]
    public void Ignored_names_match_decoded_names_and_may_empty_the_object()
    {
        Assert.Equal("{}", Jcs.Of("""{"\u0069d":1,"isLatest":false}""", Metadata));
    }

    [Fact]
    public void Ignored_names_do_not_apply_to_other_top_level_values()
    {
        Assert.Equal("""[{"id":1}]""", Jcs.Of("""[{"id":1}]""", Metadata));
        Assert.Equal("\"id\"", Jcs.Of("\"id\"", Metadata));
    }

    [Fact]
    public void Empty_ignored_set_changes_nothing()
    {
        Assert.Equal("""{"id":1}""", Jcs.Of("""{"id":1}""", new HashSet<string>()));
    }

    [Fact]
    public void Buffer_writer_overload_appends()
    {
        using var document = JsonDocument.Parse("""{"b":[1.0,"\u00e9"],"a":null}""");
        var output = new ArrayBufferWriter<byte>(1); // tiny, so the writer has to ask for more
        output.Write("prefix:"u8);
        JsonCanonicalizer.Canonicalize(document.RootElement, output);
        Assert.Equal("prefix:{\"a\":null,\"b\":[1,\"\u00e9\"]}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void All_overloads_agree()
    {
        using var document = JsonDocument.Parse("""{"z":[1e2,{"y":"\n"}],"id":0}""");
        JsonElement root = document.RootElement;
        string text = JsonCanonicalizer.CanonicalizeToString(root, Metadata);
        Assert.Equal("""{"z":[100,{"y":"\n"}]}""", text);
        Assert.Equal(Encoding.UTF8.GetBytes(text), JsonCanonicalizer.Canonicalize(root, Metadata));
        var output = new ArrayBufferWriter<byte>();
        JsonCanonicalizer.Canonicalize(root, output, Metadata);
        Assert.Equal(Encoding.UTF8.GetBytes(text), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Large_documents_round_trip()
    {
        var members = Enumerable.Range(0, 3_000).Select(i => $"\"k{3_000 - i:D5}\":[{i},\"v{i}\",{{\"n\":{i}.5}}]");
        string canonical = Jcs.Of("{" + string.Join(",", members) + "}");
        Assert.StartsWith("""{"k00001":[2999,"v2999",{"n":2999.5}],"k00002":""", canonical);
        Assert.Equal(canonical, Jcs.Of(canonical)); // canonical form is a fixed point
    }

    [Fact]
    public void Absurd_nesting_fails_cleanly_instead_of_overflowing_the_stack()
    {
        const int depth = 20_000;
        using var document = JsonDocument.Parse(new string('[', depth) + new string(']', depth), new JsonDocumentOptions { MaxDepth = depth + 1 });
        JsonElement root = document.RootElement;
        Exception? failure = null;
        var thread = new Thread(
            () => failure = Record.Exception(() => JsonCanonicalizer.Canonicalize(root)),
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.IsType<InsufficientExecutionStackException>(failure);
    }

    [Fact]
    public void Undefined_element_is_refused()
    {
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(default(JsonElement)));
    }

    [Fact]
    public void Null_output_is_refused()
    {
        using var document = JsonDocument.Parse("1");
        JsonElement root = document.RootElement;
        Assert.Throws<ArgumentNullException>(() => JsonCanonicalizer.Canonicalize(root, (IBufferWriter<byte>)null!));
    }
}
