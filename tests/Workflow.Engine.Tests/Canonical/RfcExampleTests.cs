using System.Text;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>The worked examples of RFC 8785 §3.2, with the outputs the RFC prints.</summary>
public class RfcExampleTests
{
    // §3.2.2: the sample as parsed.
    private const string Sample = """
        {
          "numbers": [333333333.33333329, 1E30, 4.50,
                      2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }
        """;

    // §3.2.3: the canonical form (the RFC's display line wrap removed).
    private const string CanonicalSample =
        """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";

    // §3.2.4: the same, as the UTF-8 bytes the RFC lists.
    private const string CanonicalSampleHex = """
        7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
        75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
        5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
        65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
        5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
        30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
        """;

    [Fact]
    public void Sample_is_written_as_in_section_3_2_3()
    {
        Assert.Equal(CanonicalSample, Jcs.Of(Sample));
    }

    [Fact]
    public void Sample_bytes_are_those_of_section_3_2_4()
    {
        byte[] expected = Convert.FromHexString(string.Concat(CanonicalSampleHex.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(expected, Jcs.BytesOf(Sample));
        Assert.Equal(expected, Encoding.UTF8.GetBytes(CanonicalSample));
    }

    [Fact]
    public void Sorting_sample_of_section_3_2_3_sorts_by_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        // The order is the RFC's; the spelling of each name follows from §3.2.2.2.
        string expected =
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\U0001F600\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, Jcs.Of(input));
    }

    [Fact]
    public void Names_sort_as_the_plain_english_example()
    {
        Assert.Equal("""{"":4,"a":3,"aa":2,"ab":1}""", Jcs.Of("""{"ab":1,"aa":2,"a":3,"":4}"""));
    }
}
