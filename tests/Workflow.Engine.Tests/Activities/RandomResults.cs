using CsCheck;
using Workflow.Engine.Activities;
using Workflow.Engine.Values;

namespace Workflow.Engine.Tests.Activities;

/// <summary>
/// Random completions of catalog types, as JSON text. Each field is usually given a value that
/// fits its type (so that many completions are valid and reach rules and ratios) and sometimes an
/// edge case (wrong types, bad dates and hashes, nested junk, unknown and derived keys).
/// </summary>
internal static class RandomResults
{
    private static readonly string[] EdgeLeaves =
    [
        "null", "true", "false", "0", "-1", "12.5", "-0", "1e308", "9007199254740993",
        "\"\"", "\" \"", "\"x\"", "\"2023-02-30\"", "\"2023/06/10\"", $"\"{TestJson.Sha}\"", "\"problem\"", "\"a/b~c\"",
    ];

    private static readonly string[] EdgeKeys =
        ["outcome", "x", "uri", "sha256", "title", "kind", "office", "deadline", "a/b~c", "satisfaction", "formReturnRate"];

    private const string Finding = """{"title":"教师短缺","kind":"problem","office":"人事科","deadline":"2023-09-01"}""";

    private static string[] Fitting(DataType type) => type switch
    {
        DataType.Integer => ["0", "1", "4", "21", "25", "45", "45.0", "125", "180"],
        DataType.Number => ["0", "0.5", "1"],
        DataType.Date => ["\"2023-06-10\"", "\"2024-02-29\""],
        DataType.String or DataType.Text => ["\"x\"", "\"教师短缺\""],
        DataType.Array => ["[]", "[\"党代表\",\"退休干部\"]"],
        DataType.Documents => [$"[{TestJson.Doc()}]", $"[{TestJson.Doc()},{TestJson.Doc("b")}]"],
        DataType.Findings => [$"[{Finding}]", "[]"],
        DataType.Boolean => ["true", "false"],
        _ => ["{}"],
    };

    private static readonly Gen<string> Edge = Gen.Recursive<string>((depth, inner) =>
        depth >= 3
            ? Gen.OneOf(EdgeLeaves)
            : Gen.Frequency(
                (4, Gen.OneOf(EdgeLeaves)),
                (1, inner.Array[0, 3].Select(items => $"[{string.Join(",", items)}]")),
                (1, Gen.Select(Gen.OneOf(EdgeKeys), inner, (k, v) => $"\"{k}\":{v}").Array[0, 4]
                    .Select(members => "{" + string.Join(",", members) + "}"))));

    /// <summary>A member for the field, or null to leave it out.</summary>
    private static Gen<string?> Member(ResultFieldDescriptor field) =>
        Gen.Frequency(
            (3, Gen.OneOf(Fitting(field.Type)).Select(v => (string?)$"\"{field.Name}\":{v}")),
            (1, Gen.Const((string?)null)),
            (1, Edge.Select(v => (string?)$"\"{field.Name}\":{v}")));

    private static Gen<string> Object(ActivityDescriptor descriptor)
    {
        var members = Gen.Const(Array.Empty<string>());
        foreach (var field in descriptor.ResultFields.Where(f => f.Derived is null))
            members = Gen.Select(members, Member(field), (list, m) => m is null ? list : [.. list, m]);
        var extra = Gen.Frequency(
            (8, Gen.Const(Array.Empty<string>())),
            (1, Gen.Select(Gen.OneOf(EdgeKeys), Edge, (k, v) => new[] { $"\"{k}\":{v}" })));
        return Gen.Select(members, extra, (m, e) => "{" + string.Join(",", m.Concat(e)) + "}");
    }

    /// <summary>A descriptor, an outcome and a result text (usually an object).</summary>
    public static Gen<(ActivityDescriptor Descriptor, string? Outcome, string Result)> Completion { get; } =
        Gen.OneOf([.. ActivityCatalog.All]).SelectMany(descriptor =>
        {
            string?[] proper = descriptor.OutboundPorts.Length > 1 ? [.. descriptor.OutboundPorts] : [null, .. descriptor.OutboundPorts];
            Gen<string?> outcomes = Gen.Frequency(
                (6, Gen.OneOf(proper)),
                (1, Gen.OneOf<string?>(null, "", "Done", "Approved", "approved", "True", "left")));
            var result = Gen.Frequency((12, Object(descriptor)), (1, Edge));
            return Gen.Select(outcomes, result, (outcome, text) => (descriptor, (string?)outcome, text));
        });
}
