using System.Globalization;
using CsCheck;
using Jint.Runtime;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>Numbers are written as ECMAScript's Number::toString writes IEEE-754 doubles.</summary>
public class NumberSerializationTests
{
    /// <summary>RFC 8785 Appendix B, every row that has a JSON representation.</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Appendix_B_samples(string ieee754Hex, string expected)
    {
        double value = BitConverter.Int64BitsToDouble(long.Parse(ieee754Hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(expected, Jcs.Of(JsonTextOf(value)));
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0e10", "0")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1E30", "1e+30")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("-1.5E-7", "-1.5e-7")]
    [InlineData("12.5e1", "125")]
    [InlineData("999999999999999", "999999999999999")]
    [InlineData("-999999999999999", "-999999999999999")]
    [InlineData("1000000000000000", "1000000000000000")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("9223372036854775807", "9223372036854776000")]
    [InlineData("0.1", "0.1")]
    [InlineData("-12", "-12")]
    [InlineData("1e-400", "0")]
    public void Literals_are_rewritten_in_ecmascript_form(string literal, string expected)
    {
        Assert.Equal(expected, Jcs.Of(literal));
        Assert.Equal($$"""{"n":[{{expected}}]}""", Jcs.Of($$"""{"n":[{{literal}}]}"""));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.8e308")]
    public void Numbers_beyond_the_double_range_are_refused(string literal)
    {
        Assert.Contains("IEEE-754", Jcs.Refused(literal).Message);
        Assert.Contains("IEEE-754", Jcs.Refused($$"""{"a":[{{literal}}]}""").Message);
    }

    [Fact]
    public void Long_literals_are_rounded_to_a_double()
    {
        Assert.Equal("1e+300", Jcs.Of("1" + new string('0', 300)));
        Assert.Contains("IEEE-754", Jcs.Refused("1" + new string('0', 309)).Message);
        Assert.Equal("0.1", Jcs.Of("0.1" + new string('0', 500) + "1"));
    }

    /// <summary>
    /// Vectors printed by V8 (node) for random and edge-case doubles; Fixtures/ecmascript-numbers.mjs
    /// regenerates them.
    /// </summary>
    [Fact]
    public void Engine_generated_vectors()
    {
        using Stream stream = typeof(NumberSerializationTests).Assembly.GetManifestResourceStream("ecmascript-numbers.tsv")!;
        using var reader = new StreamReader(stream);
        int count = 0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            string[] columns = line.Split('\t');
            double value = BitConverter.Int64BitsToDouble((long)ulong.Parse(columns[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            Assert.Equal(columns[1], Jcs.Of(JsonTextOf(value)));
            count++;
        }

        Assert.True(count > 3_000, $"only {count} vectors read");
    }

    /// <summary>
    /// Jint (already the engine's JavaScript) as a second, independent Number::toString. Jint 4.18
    /// prints integer-valued doubles from 2^53 up to 2^64 with all their digits (V8 and the spec
    /// give the shortest, e.g. 437804210457274400), so those are left to the vectors above.
    /// </summary>
    [Fact]
    public void Random_doubles_match_jint()
    {
        Gen<double> anyBits = Gen.Long.Select(BitConverter.Int64BitsToDouble);
        Gen<double> decimals = Gen.Int[-30, 30].SelectMany(exponent => Gen.Double[-10, 10].Select(d => d * Math.Pow(10, exponent)));
        Gen.OneOf(anyBits, decimals, Gen.Double).Where(IsComparableWithJint).Sample(
            value => Assert.Equal(TypeConverter.ToString(value), Jcs.Of(JsonTextOf(value))),
            iter: 20_000);
    }

    private const double TwoTo53 = 9007199254740992d;
    private const double TwoTo64 = 18446744073709551616d;

    private static bool IsComparableWithJint(double value) =>
        double.IsFinite(value) && !(value == Math.Truncate(value) && Math.Abs(value) is >= TwoTo53 and < TwoTo64);

    // "R" text parses back to the very same double, including -0.
    private static string JsonTextOf(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
