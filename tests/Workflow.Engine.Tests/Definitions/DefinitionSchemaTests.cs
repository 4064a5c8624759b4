using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using static Workflow.Engine.Tests.Definitions.DefinitionFiles;

namespace Workflow.Engine.Tests.Definitions;

/// <summary>
/// The shipped definition files validate against their JSON Schemas; the schemas themselves are
/// valid draft 2020-12; and documents broken in typical ways are rejected at the right location.
/// </summary>
public sealed class DefinitionSchemaTests
{
    private static readonly JsonSchema PhaseSchema = BuildSchema(PhaseSchemaFile);
    private static readonly JsonSchema TemplateSchema = BuildSchema(TemplateSchemaFile);

    public static TheoryData<string> PhaseFiles => [.. FilesIn("phases")];

    public static TheoryData<string> TemplateFiles => [.. FilesIn("templates")];

    public static TheoryData<string> SchemaFiles => [PhaseSchemaFile, TemplateSchemaFile];

    // ---------------------------------------------------------------- the shipped files

    [Fact]
    public void The_expected_definition_files_are_shipped()
    {
        Assert.Equal(
            ["phases/analysis-phase.json", "phases/rectification-phase.json", "phases/study-phase.json"],
            FilesIn("phases"));
        Assert.Equal(["templates/scientific-outlook-campaign.json"], FilesIn("templates"));
        Assert.Equal(
            ["schema/campaign-template.schema.json", "schema/phase-workflow.schema.json"],
            FilesIn("schema"));
    }

    [Theory]
    [MemberData(nameof(PhaseFiles))]
    public void Phase_workflow_validates_against_its_schema(string file)
    {
        var document = Load(Path.Combine(Root, file));

        var results = Evaluate(PhaseSchema, document);

        Assert.True(results.IsValid, $"{file} does not match {PhaseSchemaFile}:{Environment.NewLine}{Describe(results)}");
        Assert.Equal("../schema/" + PhaseSchemaFile, (string?)document["$schema"]);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), (string?)document["definitionId"]);
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Campaign_template_validates_against_its_schema(string file)
    {
        var document = Load(Path.Combine(Root, file));

        var results = Evaluate(TemplateSchema, document);

        Assert.True(results.IsValid, $"{file} does not match {TemplateSchemaFile}:{Environment.NewLine}{Describe(results)}");
        Assert.Equal("../schema/" + TemplateSchemaFile, (string?)document["$schema"]);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), (string?)document["definitionId"]);
    }

    // ---------------------------------------------------------------- the schemas

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_is_valid_draft_2020_12(string file)
    {
        var schema = Load(SchemaPath(file));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        var results = Evaluate(MetaSchemas.Draft202012, schema);
        Assert.True(results.IsValid, $"{file} does not match the draft 2020-12 meta-schema:{Environment.NewLine}{Describe(results)}");
        var built = Record.Exception(() => BuildSchema(file));
        Assert.Null(built);
    }

    /// <summary>
    /// Draft 2020-12 ignores unknown keywords, so a typo ("requried") would silently check nothing,
    /// and an unresolvable <c>$ref</c> only fails when an instance reaches it.
    /// </summary>
    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Schema_uses_only_known_keywords_and_resolvable_references(string file)
    {
        var schema = Load(SchemaPath(file));
        var problems = new List<string>();

        SchemaWalker.Visit(schema, schema, "", problems);

        Assert.True(problems.Count == 0, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void Definitions_shared_by_the_two_schemas_are_identical()
    {
        var phaseDefs = Load(SchemaPath(PhaseSchemaFile))["$defs"]!.AsObject();
        var templateDefs = Load(SchemaPath(TemplateSchemaFile))["$defs"]!.AsObject();
        string[] shared =
            ["identifier", "displayNames", "date", "dataType", "inputDeclaration", "expressionBody", "expression", "javaScriptExpression"];

        foreach (var name in shared)
        {
            Assert.True(phaseDefs.ContainsKey(name), $"{PhaseSchemaFile} lacks $defs/{name}");
            Assert.True(templateDefs.ContainsKey(name), $"{TemplateSchemaFile} lacks $defs/{name}");
            Assert.True(JsonNode.DeepEquals(phaseDefs[name], templateDefs[name]), $"$defs/{name} differs between the two schemas");
        }
    }

    // ---------------------------------------------------------------- broken phase workflows

    [Fact]
    public void Phase_workflow_without_root_is_rejected()
    {
        var document = LoadPhase("analysis-phase");
        document.Remove("root");

        AssertRejected(PhaseSchema, document, "", "required", mentioning: "root");
    }

    [Fact]
    public void Connection_without_target_is_rejected()
    {
        var document = LoadPhase("analysis-phase");
        document["root"]!["connections"]![3]!.AsObject().Remove("target");

        AssertRejected(PhaseSchema, document, "/root/connections/3", "required", mentioning: "target");
    }

    [Fact]
    public void Connection_into_a_port_other_than_In_is_rejected()
    {
        var document = LoadPhase("analysis-phase");
        document["root"]!["connections"]![0]!["target"]!["port"] = "Done";

        AssertRejected(PhaseSchema, document, "/root/connections/0/target/port", "const");
    }

    [Theory]
    [InlineData("2ndMeeting")]
    [InlineData("mobilization meeting")]
    [InlineData("会议")]
    [InlineData("")]
    public void Activity_id_not_matching_the_pattern_is_rejected(string id)
    {
        var document = LoadPhase("analysis-phase");
        document["root"]!["activities"]![1]!["id"] = id;

        AssertRejected(PhaseSchema, document, "/root/activities/1/id", "pattern");
    }

    [Fact]
    public void Decision_condition_with_an_unknown_expression_type_is_rejected()
    {
        var document = LoadPhase("analysis-phase");
        var index = IndexOfActivity(document, "satisfactionReached");
        document["root"]!["activities"]![index]!["condition"]!["expression"]!["type"] = "Python";

        AssertRejected(PhaseSchema, document, $"/root/activities/{index}/condition/expression/type", "enum");
    }

    [Fact]
    public void Any_input_with_an_unknown_expression_type_is_rejected()
    {
        var document = LoadPhase("analysis-phase");
        var index = IndexOfActivity(document, "studyAndRules");
        document["root"]!["activities"]![index]!["documentKind"] =
            new JsonObject { ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = "{{ kind }}" } };

        AssertRejected(PhaseSchema, document, $"/root/activities/{index}/documentKind/expression/type", "enum");
    }

    [Fact]
    public void Activity_inputs_are_open_and_may_be_literals_or_wrapped_literals()
    {
        var document = LoadPhase("analysis-phase");
        var activity = document["root"]!["activities"]![IndexOfActivity(document, "collectOpinions")]!.AsObject();
        activity["someListInput"] = new JsonArray(1, 2, 3);
        activity["someObjectInput"] = new JsonObject { ["nested"] = true };
        activity["someWrappedLiteral"] = JsonNode.Parse("""{ "typeName": "Int32", "expression": { "type": "Literal", "value": 3 } }""");

        var results = Evaluate(PhaseSchema, document);

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Display_names_without_chinese_are_rejected()
    {
        var document = LoadPhase("study-phase");
        document["displayNames"]!.AsObject().Remove("zh-CN");

        AssertRejected(PhaseSchema, document, "/displayNames", "required", mentioning: "zh-CN");
    }

    [Fact]
    public void Fork_with_a_single_branch_is_rejected()
    {
        var document = LoadPhase("study-phase");
        var index = IndexOfActivity(document, "forkStudy");
        document["root"]!["activities"]![index]!["branches"] = new JsonArray("Study");

        AssertRejected(PhaseSchema, document, $"/root/activities/{index}/branches", "minItems");
    }

    [Fact]
    public void Variable_value_that_is_not_a_string_is_rejected()
    {
        var document = LoadPhase("study-phase");
        document["variables"] = JsonNode.Parse("""[ { "id": "v-rounds", "name": "revisionRounds", "typeName": "Int32", "isArray": false, "value": 0 } ]""");

        AssertRejected(PhaseSchema, document, "/variables/0/value", "type");
    }

    // ---------------------------------------------------------------- broken templates

    [Fact]
    public void Template_without_phases_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        document.Remove("phases");

        AssertRejected(TemplateSchema, document, "", "required", mentioning: "phases");
    }

    [Fact]
    public void Exit_gate_with_a_bad_id_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        document["phases"]![1]!["exitGates"]![0]!["id"] = "rules issued";

        AssertRejected(TemplateSchema, document, "/phases/1/exitGates/0/id", "pattern");
    }

    [Fact]
    public void Exit_gate_condition_with_an_unknown_expression_type_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        document["phases"]![1]!["exitGates"]![0]!["condition"]!["expression"]!["type"] = "CSharp";

        AssertRejected(TemplateSchema, document, "/phases/1/exitGates/0/condition/expression/type", "enum");
    }

    [Fact]
    public void Template_input_of_an_unknown_type_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        var index = IndexOfInput(document, "satisfactionThreshold");
        document["inputs"]![index]!["type"] = "float";

        AssertRejected(TemplateSchema, document, $"/inputs/{index}/type", "enum");
    }

    [Fact]
    public void Template_input_default_of_the_wrong_type_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        var index = IndexOfInput(document, "minimumTalks");
        document["inputs"]![index]!["default"] = 40.5;

        AssertRejected(TemplateSchema, document, $"/inputs/{index}/default", "type");
    }

    [Fact]
    public void Phase_without_workflow_reference_is_rejected()
    {
        var document = LoadTemplate("scientific-outlook-campaign");
        document["phases"]![2]!.AsObject().Remove("workflow");

        AssertRejected(TemplateSchema, document, "/phases/2", "required", mentioning: "workflow");
    }

    // ---------------------------------------------------------------- helpers

    private static void AssertRejected(JsonSchema schema, JsonNode document, string location, string keyword, string? mentioning = null)
    {
        var results = Evaluate(schema, document);

        Assert.False(results.IsValid, $"expected a '{keyword}' error at '{location}', but the document is valid");
        var errors = Errors(results);
        Assert.True(
            errors.Any(e => e.Location == location && e.Keyword == keyword && (mentioning is null || e.Message.Contains(mentioning, StringComparison.Ordinal))),
            $"expected a '{keyword}' error at '{location}'{(mentioning is null ? "" : $" mentioning '{mentioning}'")}, got:{Environment.NewLine}{Describe(results)}");
    }

    private static int IndexOfActivity(JsonObject phase, string id)
    {
        var activities = phase["root"]!["activities"]!.AsArray();
        for (var i = 0; i < activities.Count; i++)
            if ((string?)activities[i]!["id"] == id) return i;
        throw new InvalidOperationException($"No activity '{id}'.");
    }

    private static int IndexOfInput(JsonObject template, string name)
    {
        var inputs = template["inputs"]!.AsArray();
        for (var i = 0; i < inputs.Count; i++)
            if ((string?)inputs[i]!["name"] == name) return i;
        throw new InvalidOperationException($"No input '{name}'.");
    }

    /// <summary>Walks a schema's subschemas, reporting unknown keywords and local references that do not resolve.</summary>
    private static class SchemaWalker
    {
        private static readonly HashSet<string> Keywords =
        [
            "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
            "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
            "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
            "maxLength", "minLength", "pattern", "format", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
            "maxProperties", "minProperties", "required", "dependentRequired",
            "properties", "patternProperties", "additionalProperties", "propertyNames", "unevaluatedProperties",
            "items", "prefixItems", "contains", "unevaluatedItems",
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
            "contentEncoding", "contentMediaType", "contentSchema",
        ];

        private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
        private static readonly HashSet<string> SchemaArrays = ["allOf", "anyOf", "oneOf", "prefixItems"];
        private static readonly HashSet<string> SingleSchemas =
        [
            "items", "additionalProperties", "propertyNames", "unevaluatedProperties", "contains", "unevaluatedItems",
            "not", "if", "then", "else", "contentSchema",
        ];

        public static void Visit(JsonNode root, JsonNode? schema, string path, List<string> problems)
        {
            if (schema is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return;
            if (schema is not JsonObject obj)
            {
                problems.Add($"{path}: a schema must be an object or a boolean");
                return;
            }

            foreach (var (keyword, child) in obj)
            {
                var at = $"{path}/{keyword}";
                if (!Keywords.Contains(keyword)) problems.Add($"{at}: unknown keyword");
                else if (keyword == "$ref") CheckReference(root, (string?)child, at, problems);
                else if (SchemaMaps.Contains(keyword))
                    foreach (var (name, sub) in child!.AsObject()) Visit(root, sub, $"{at}/{name}", problems);
                else if (SchemaArrays.Contains(keyword))
                    for (var i = 0; i < child!.AsArray().Count; i++) Visit(root, child[i], $"{at}/{i}", problems);
                else if (SingleSchemas.Contains(keyword)) Visit(root, child, at, problems);
            }
        }

        private static void CheckReference(JsonNode root, string? reference, string at, List<string> problems)
        {
            if (reference is null || !reference.StartsWith("#/", StringComparison.Ordinal))
            {
                problems.Add($"{at}: only local references (#/...) are used, got '{reference}'");
                return;
            }
            JsonNode? target = root;
            foreach (var segment in reference[2..].Split('/'))
            {
                var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                target = target is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
                if (target is null) break;
            }
            if (target is null) problems.Add($"{at}: '{reference}' does not resolve");
        }
    }
}
