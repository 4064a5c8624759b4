using System.Text.RegularExpressions;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Expressions;
using Workflow.Engine.Gates;
using Workflow.Engine.Texts;
using Workflow.Engine.Validation;
using static Workflow.Engine.Tests.Support.Flow;

namespace Workflow.Engine.Tests.Texts;

/// <summary>
/// The engine's catalog of sentences: every key it uses has both languages, with the same placeholders, and the
/// engine's messages come out in Chinese when asked for zh-CN and unchanged in English.
/// </summary>
public sealed partial class EngineTextsTests
{
    /// <summary>Keys whose text is punctuation around other texts only: each language has its own punctuation, and no words.</summary>
    private static readonly HashSet<string> LanguageNeutral = ["text.empty", "gate.observed", "gate.seen", "guard.gate", "list.comma", "list.comma_in_parentheses", "list.semicolon"];

    /// <summary>Keys whose two languages speak of different arguments on purpose: a gate is named by id in English, by its display name in Chinese.</summary>
    private static readonly HashSet<string> DifferentArguments = ["guard.gate", "definition.json_malformed_at", "definition.json_malformed"];

    public static TheoryData<string> Keys() => [.. EngineTexts.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKey_HasEnglishAndChinese_WithTheSamePlaceholders(string key)
    {
        var (en, zh) = EngineTexts.Templates(key)!.Value;
        if (LanguageNeutral.Contains(key)) return;
        Assert.False(string.IsNullOrWhiteSpace(en), $"{key} has no English");
        Assert.True(Regex.IsMatch(zh, @"\p{IsCJKUnifiedIdeographs}"), $"{key} has no Chinese: {zh}");
        if (!DifferentArguments.Contains(key))
            Assert.Equal(Placeholders(en), Placeholders(zh));
    }

    /// <summary>Every key written in the engine's source, and every key built from a name (nouns, states, triggers, globals), is in the catalog.</summary>
    [Fact]
    public void EveryKeyTheEngineUses_IsInTheCatalog()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Directory.Build.props"))) root = root.Parent;
        Assert.NotNull(root);
        var engine = Path.Combine(root.FullName, "src", "Workflow.Engine");
        var used = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(Enum.GetValues<GateState>().Select(s => "gate.state." + s.ToString().ToLowerInvariant()))
            .Concat(Enum.GetValues<CampaignTrigger>().Select(t => CampaignEngine.TriggerText(t).Key))
            .Concat(ExpressionNames.ForbiddenGlobals.Keys.Select(name => "expression.global." + name))
            .Concat(new[] { "phase", "gate", "activity", "connection", "variable", "input", "definition", "workflow", "source", "target" }.Select(n => "noun." + n))
            .Distinct().ToList();
        Assert.True(used.Count > 100, $"only {used.Count} keys found; the scan is broken");
        var missing = used.Where(key => EngineTexts.Templates(key) is null).ToList();
        Assert.True(missing.Count == 0, "not in the catalog: " + string.Join(", ", missing));
    }

    [Fact]
    public void AValidationMessage_IsChineseInZhCn_AndUnchangedInEnglish()
    {
        var flow = new Support.Flow().Activity("start", "Elsa.Start").Task("meeting", inputs: new { assignee = (string?)null }).Activity("end", "Elsa.End")
            .Chain("start", "meeting", "end");
        var error = Assert.Single(flow.Check().Errors, e => e.Code == ValidationCodes.ActivityInputMissing);
        Assert.Equal(error.Message, error.MessageIn("en"));
        Assert.StartsWith("Task 'meeting' needs an assignee", error.Message, StringComparison.Ordinal);
        Assert.Equal("任务“meeting”需要办理人：负责办理的人员、角色或单位（可用表达式逐项指定）。", error.MessageIn("zh-CN"));
        Assert.Equal("meeting", error.Arguments!["activityId"]);
    }

    [Fact]
    public void AnExpressionProblem_IsChineseThroughout_ExceptTheNamesItQuotes()
    {
        var flow = new Support.Flow().Activity("start", "Elsa.Start").Activity("decide", "Elsa.FlowDecision", new { condition = Expression("results.meeting.atendees > 3") })
            .Task("meeting").Activity("end", "Elsa.End")
            .Chain("start", "meeting", "decide").Connect("decide", "end", "True").Connect("decide", "meeting", "False");
        var error = flow.Check().Errors.First(e => e.Code == ValidationCodes.ExpressionUnknownName);
        var zh = error.MessageIn("zh-CN");
        Assert.StartsWith("表达式读取了 results.meeting.atendees，但环节“meeting”没有结果字段“atendees”。您是否想写“attendees”？（第 1 行第 ", zh, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,} (is|has|not|the) ", zh);
        Assert.StartsWith("The expression reads results.meeting.atendees, but activity 'meeting' has no result field 'atendees'. Did you mean 'attendees'? (line 1, column ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_AreRenderedInTheSameCulture()
    {
        var text = EngineText.Of("identifier.invalid", ("what", EngineText.Of("noun.phase")), ("id", "1st"));
        Assert.Equal("The phase id '1st' must start with a letter and contain only letters, digits, '_' and '-'.", text.Render("en"));
        Assert.Equal("阶段标识“1st”必须以字母开头，且只能包含字母、数字、“_”和“-”。", text.Render("zh-CN"));
        Assert.Equal(EngineText.Of("identifier.invalid", ("what", EngineText.Of("noun.phase")), ("id", "1st")), text);
        Assert.Equal("phase", text.ArgumentsWithParts()["what"]);
    }

    private static List<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""EngineText\.Of\("(?<key>[\w.]+)"[,)]""")]
    private static partial Regex LiteralKey();
}
