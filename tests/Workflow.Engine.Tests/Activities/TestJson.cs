using System.Text.Json;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Tests.Activities;

/// <summary>Small helpers shared by the activity tests.</summary>
internal static class TestJson
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Checks a completion of a catalog type given as JSON text.</summary>
    public static ResultCheck Check(string typeName, string? outcome, string? result) =>
        ActivityCatalog.Find(typeName)!.Check(outcome, result is null ? null : Parse(result));

    /// <summary>The problems as "pointer code" lines, sorted, for compact set assertions.</summary>
    public static string[] Problems(ResultCheck check) =>
        [.. check.Errors.Select(e => $"{e.Field} {e.Code}").Order(StringComparer.Ordinal)];

    /// <summary>The single problem of a check, failing the test if there is not exactly one.</summary>
    public static ResultFieldError Single(ResultCheck check)
    {
        Assert.False(check.IsValid);
        return Assert.Single(check.Errors);
    }

    /// <summary>A valid SHA-256 in hex, for document fixtures.</summary>
    public const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static string Doc(string uri = "https://files.example/report.pdf", string sha = Sha) =>
        $$"""{"uri":"{{uri}}","sha256":"{{sha}}"}""";
}
