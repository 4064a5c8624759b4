using System.Text.Json;
using CsCheck;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Tests.Activities;

/// <summary>Properties over random completions of every catalog type.</summary>
public sealed class ResultCheckerPropertyTests
{
    [Fact]
    public void Check_never_throws_and_its_answer_is_consistent() =>
        RandomResults.Completion.Sample(completion =>
        {
            var (descriptor, outcome, text) = completion;
            var check = descriptor.Check(outcome, TestJson.Parse(text));

            Assert.Equal(check.IsValid, check.Errors.IsEmpty);
            Assert.Equal(JsonValueKind.Object, check.Result.ValueKind);
            Assert.All(check.Errors, e => Assert.True(e.Field.Length == 0 || e.Field[0] == '/', e.Field));
            Assert.All(check.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            if (!check.IsValid)
            {
                Assert.Equal("", check.Port);
                return;
            }
            Assert.Equal(check.Port, check.Result.TryGetProperty("outcome", out var stored) ? stored.GetString() : "");
            Assert.All(check.Result.EnumerateObject(), p =>
                Assert.True(p.Name == "outcome" || descriptor.ResultFields.Any(f => f.Name == p.Name), p.Name));
        }, iter: 3000);

    [Fact]
    public void Checking_a_stored_result_again_gives_the_same_result()
    {
        var valid = 0;
        RandomResults.Completion.Sample(completion =>
        {
            var (descriptor, outcome, text) = completion;
            var first = descriptor.Check(outcome, TestJson.Parse(text));
            if (!first.IsValid) return;
            Interlocked.Increment(ref valid);

            // What a client would resubmit: the stored result without what the engine wrote.
            var derived = descriptor.ResultFields.Where(f => f.Derived is not null).Select(f => f.Name).Append("outcome").ToHashSet();
            var resubmitted = "{" + string.Join(",", first.Result.EnumerateObject()
                .Where(p => !derived.Contains(p.Name)).Select(p => $"{JsonSerializer.Serialize(p.Name)}:{p.Value.GetRawText()}")) + "}";
            var second = descriptor.Check(outcome, TestJson.Parse(resubmitted));

            Assert.True(second.IsValid);
            Assert.Equal(first.Result.GetRawText(), second.Result.GetRawText());
        }, iter: 3000);
        // The property means little unless random completions are often valid.
        Assert.True(valid > 600, $"only {valid} valid completions");
    }
}
