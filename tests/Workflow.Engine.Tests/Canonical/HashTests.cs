using System.Security.Cryptography;
using System.Text;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>Sha256Hex is the lower-case hex SHA-256 of the canonical bytes.</summary>
public class HashTests
{
    [Fact]
    public void Empty_object_has_the_well_known_hash()
    {
        // sha256 of the two bytes "{}", as any sha256sum prints it.
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", Jcs.HashOf(" { } "));
    }

    [Fact]
    public void Rfc_sample_hash_is_that_of_its_published_bytes()
    {
        const string sample = """
            {"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
             "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}
            """;
        // Computed outside .NET (sha256sum) over the bytes of RFC 8785 §3.2.4.
        Assert.Equal("2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb", Jcs.HashOf(sample));
    }

    [Theory]
    [InlineData("""{"b":2,"a":[1.50,"\u00e9"]}""", """{"a":[1.5,"é"],"b":2}""")]
    [InlineData("[1e21, -0, \"\\u2028\"]", "[1e+21,0,\"\u2028\"]")]
    public void Hash_is_over_the_canonical_utf8(string json, string canonical)
    {
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        Assert.Equal(expected, Jcs.HashOf(json));
    }

    [Fact]
    public void Member_order_and_whitespace_do_not_change_the_hash()
    {
        Assert.Equal(
            Jcs.HashOf("""{"a":1,"b":{"c":[1,2],"d":"x"}}"""),
            Jcs.HashOf("""{ "b" : { "d" : "\u0078", "c" : [ 1.0, 2e0 ] }, "a" : 1 }"""));
    }

    [Fact]
    public void Ignored_metadata_does_not_change_the_hash()
    {
        HashSet<string> metadata = ["id", "isLatest", "createdAt"];
        string published = Jcs.HashOf("""{"id":"123","isLatest":true,"createdAt":"2026-01-01","definitionId":"d","version":1}""", metadata);
        string draft = Jcs.HashOf("""{"definitionId":"d","version":1}""");
        Assert.Equal(draft, published);
        Assert.NotEqual(draft, Jcs.HashOf("""{"definitionId":"d","version":2}"""));
    }

    [Fact]
    public void Hash_is_lower_case_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Jcs.HashOf("""{"x":"y"}"""));
    }
}
