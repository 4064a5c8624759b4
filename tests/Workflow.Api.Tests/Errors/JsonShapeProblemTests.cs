using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Api.Errors;

namespace Workflow.Api.Tests.Errors;

/// <summary>
/// The body walk that classifies a binding failure, against the serializer itself with the API's own JSON options:
/// for each wrong body the serializer must refuse it and the walk must name the same place and what belongs there;
/// for a right body both must accept it. Covers the field types no request body has yet (boolean, enum, uuid, time).
/// </summary>
public sealed class JsonShapeProblemTests
{
    public enum Urgency { Low, VeryHigh }

    public sealed record Probe(bool Urgent, Urgency Level, int Count, string Name, Guid Id, DateTimeOffset At, IReadOnlyList<int>? Scores, JsonElement? Extra);

    private static readonly JsonSerializerOptions Options = ApiOptions();

    private static JsonSerializerOptions ApiOptions()
    {
        using var services = new ServiceCollection().AddLogging().AddErrors().BuildServiceProvider();
        return services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
    }

    private const string Good = """{"urgent": true, "level": "veryHigh", "count": 3, "name": "n", "id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "at": "2026-11-25T08:00:00Z", "scores": [1, 2], "extra": {"a": 1}}""";

    [Fact]
    public void ARightBody_IsAcceptedByBoth()
    {
        Assert.NotNull(JsonSerializer.Deserialize<Probe>(Good, Options));
        Assert.Null(JsonShapeProblem.Find(Encoding.UTF8.GetBytes(Good), typeof(Probe), Options, BadRequests.ReaderOptions(Options)));
    }

    [Theory]
    [InlineData("\"urgent\": true", "\"urgent\": \"yes\"", "request.value_invalid", null, "$.urgent", "boolean", "string")]
    [InlineData("\"urgent\": true", "\"urgent\": 1", "request.value_invalid", null, "$.urgent", "boolean", "number")]
    [InlineData("\"level\": \"veryHigh\"", "\"level\": \"extreme\"", "request.value_invalid", "enum", "$.level", "string", "string")]
    [InlineData("\"level\": \"veryHigh\"", "\"level\": [\"low\"]", "request.value_invalid", "enum", "$.level", "string", "array")]
    [InlineData("\"count\": 3", "\"count\": \"three\"", "request.value_invalid", null, "$.count", "integer", "string")]
    [InlineData("\"count\": 3", "\"count\": 3.5", "request.value_invalid", "range", "$.count", "integer", null)]
    [InlineData("\"name\": \"n\"", "\"name\": 7", "request.value_invalid", null, "$.name", "string", "number")]
    [InlineData("\"id\": \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"", "\"id\": \"42\"", "request.value_invalid", "format", "$.id", "string", null)]
    [InlineData("\"at\": \"2026-11-25T08:00:00Z\"", "\"at\": \"yesterday\"", "request.value_invalid", "format", "$.at", "string", null)]
    [InlineData("\"scores\": [1, 2]", "\"scores\": [1, \"two\"]", "request.value_invalid", null, "$.scores[1]", "integer", "string")]
    [InlineData("\"scores\": [1, 2]", "\"scores\": {\"a\": 1}", "request.value_invalid", null, "$.scores", "array", "object")]
    [InlineData("\"extra\": {\"a\": 1}", "\"extra\": {\"a\": 1, \"a\": 2}", "request.duplicate_key", null, "$.extra.a", null, null)]
    [InlineData("\"name\": \"n\"", "\"name\": \"n\", \"Name\": \"m\"", "request.duplicate_key", null, "$.Name", null, null)]
    [InlineData("\"name\": \"n\"", "\"name\": \"n\", \"nickname\": \"m\"", "request.unknown_field", null, "$.nickname", null, null)]
    public void AWrongBody_IsRefusedByTheSerializer_AndTheWalkNamesThePlace(string right, string wrong, string code, string? variant, string path, string? expected, string? found)
    {
        var body = Good.Replace(right, wrong, StringComparison.Ordinal);
        Assert.NotEqual(Good, body);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Probe>(body, Options));
        var problem = JsonShapeProblem.Find(Encoding.UTF8.GetBytes(body), typeof(Probe), Options, BadRequests.ReaderOptions(Options));
        Assert.NotNull(problem);
        Assert.Equal((code, variant, path), (problem.Code, problem.Variant, problem.Arguments["path"]));
        Assert.Equal(expected, problem.Arguments.GetValueOrDefault("expected"));
        if (found is not null) Assert.Equal(found, problem.Arguments["found"]);
    }

    [Fact]
    public void TheEnumProblem_ListsTheNamesTheApiAccepts()
    {
        var body = Good.Replace("\"veryHigh\"", "\"extreme\"", StringComparison.Ordinal);
        var problem = JsonShapeProblem.Find(Encoding.UTF8.GetBytes(body), typeof(Probe), Options, BadRequests.ReaderOptions(Options))!;
        Assert.Equal("low, veryHigh", problem.Arguments["allowed"]);
        Assert.NotNull(JsonSerializer.Deserialize<Probe>(Good.Replace("\"veryHigh\"", "\"low\"", StringComparison.Ordinal), Options));
    }
}
