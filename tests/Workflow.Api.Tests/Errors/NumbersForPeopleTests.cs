using Workflow.Api.Errors;

namespace Workflow.Api.Tests.Errors;

/// <summary>A problem's detail shows numbers rounded for people (its arguments keep them exact).</summary>
public sealed class NumbersForPeopleTests
{
    [Theory]
    [InlineData("satisfaction is 0.6666666666666666 against 0.8", "satisfaction is 0.6667 against 0.8")]
    [InlineData("forms returned 0.69444444 (125/180)", "forms returned 0.6944 (125/180)")]
    [InlineData("value 12.500000", "value 12.5")]
    [InlineData("version 1.2.33333 stays", "version 1.2.33333 stays")]
    [InlineData("id a1.123456 stays", "id a1.123456 stays")]
    [InlineData("short 0.1234 stays", "short 0.1234 stays")]
    public void LongDecimals_AreRoundedToFourPlaces_OtherTextIsLeft(string text, string expected) =>
        Assert.Equal(expected, Messages.ForPeople(text));
}
