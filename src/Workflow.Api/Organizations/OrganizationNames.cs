using System.Text.RegularExpressions;
using Workflow.Api.Errors;
using Workflow.Storage.Organizations;

namespace Workflow.Api.Organizations;

/// <summary>
/// The rules every node, group and import line is checked against before anything is written: the identifier
/// rule of the rest of the API (a letter, then letters, digits, <c>_</c> and <c>-</c>), known kinds, and names
/// a person can read (no control characters, which no database keeps alike).
/// </summary>
public static partial class OrganizationNames
{
    public const string Chinese = "zh-CN", English = "en";

    /// <summary>A refusal: a problem code and its arguments (the same codes answer a single request and an import line).</summary>
    public sealed record Refusal(string Code, IReadOnlyDictionary<string, string> Arguments);

    public static bool IsIdentifier(string? id) => id is { Length: > 0 and <= OrganizationNode.IdMaxLength } && IdentifierPattern().IsMatch(id);

    public static Refusal? CheckId(string? id) =>
        IsIdentifier(id) ? null : new Refusal(ProblemCodes.OrganizationIdInvalid, Args(("id", id ?? ""), ("max", OrganizationNode.IdMaxLength.ToString())));

    public static Refusal? CheckKind(string? kind) =>
        OrganizationKinds.IsKnown(kind) ? null : new Refusal(ProblemCodes.OrganizationKindUnknown, Args(("kind", kind ?? ""), ("kinds", OrganizationKinds.AllowedList)));

    /// <summary>The Chinese name is required, the English one optional; neither may be longer than its column or hold control characters.</summary>
    public static Refusal? CheckNames(string? zh, string? en)
    {
        if (string.IsNullOrWhiteSpace(zh)) return new Refusal(ProblemCodes.OrganizationNameRequired, Args(("language", Chinese)));
        foreach (var (language, name) in new[] { (Chinese, zh), (English, en ?? "") })
        {
            if (name.Length > OrganizationNode.NameMaxLength)
                return new Refusal(ProblemCodes.OrganizationNameInvalid, Args(("language", language), ("max", OrganizationNode.NameMaxLength.ToString())));
            if (name.Any(char.IsControl) || !Definitions.DefinitionLedger.IsValidText(name))
                return new Refusal(ProblemCodes.OrganizationNameInvalid, Args(("language", language), ("max", OrganizationNode.NameMaxLength.ToString())));
        }
        return null;
    }

    /// <summary>The names out of a <c>displayNames</c> object; other languages than zh-CN and en are refused.</summary>
    public static Refusal? FromDisplayNames(IReadOnlyDictionary<string, string?>? displayNames, out string zh, out string en)
    {
        zh = displayNames?.GetValueOrDefault(Chinese)?.Trim() ?? "";
        en = displayNames?.GetValueOrDefault(English)?.Trim() ?? "";
        if (displayNames?.Keys.FirstOrDefault(k => k is not (Chinese or English)) is { } other)
            return new Refusal(ProblemCodes.OrganizationLanguageUnknown, Args(("language", other)));
        return CheckNames(zh, en);
    }

    /// <summary>The <c>displayNames</c> object of a response: zh-CN always, en when there is one.</summary>
    public static IReadOnlyDictionary<string, string> DisplayNames(string zh, string en) =>
        en.Length == 0 ? new SortedDictionary<string, string>(StringComparer.Ordinal) { [Chinese] = zh }
            : new SortedDictionary<string, string>(StringComparer.Ordinal) { [English] = en, [Chinese] = zh };

    /// <summary>The name in the response's culture: Chinese for zh, English when there is one, Chinese otherwise.</summary>
    public static string DisplayName(string zh, string en, string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || en.Length == 0 ? zh : en;

    internal static IReadOnlyDictionary<string, string> Args(params (string Key, string Value)[] arguments) =>
        arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();
}
