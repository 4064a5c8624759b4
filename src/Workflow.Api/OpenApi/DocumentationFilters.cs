using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Workflow.Api.Campaigns;

namespace Workflow.Api.OpenApi;

/// <summary>Puts an example on the schemas of the request and response records (<see cref="ApiExamples"/>).</summary>
internal sealed class ExampleSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && ApiExamples.ForSchema(context.Type) is { } example)
            concrete.Examples = [example];
    }
}

/// <summary>
/// Per operation: named request examples, an example problem for every 4xx response, the request
/// headers the commands read, and no security requirement on the anonymous endpoints.
/// </summary>
internal sealed partial class OperationDocumentationFilter : IOperationFilter
{
    private const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        // The route template as the document shows it: /api/v1/campaigns/{id}/transitions.
        var path = "/" + RouteConstraint().Replace(description.RelativePath ?? "", "{$1}").Trim('/');
        var method = description.HttpMethod ?? "GET";
        if (OperationCatalog.Find(method, path) is { } entry)
        {
            operation.OperationId = entry.OperationId;
            operation.Description = entry.Description;
        }
        AddRequestExamples(operation, description);
        AddProblemExamples(operation, path, method);
        DescribeQueryParameters(operation);
        AddHeaders(operation, description, path);

        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // An empty list overrides the document-wide requirement: no key needed here.
            operation.Security = [];
        }
        else if (operation.Responses is { } responses && !responses.ContainsKey("401"))
        {
            responses["401"] = ProblemResponse(ApiProblemTitle(401), path, method, 401);
        }
    }

    private static void AddRequestExamples(OpenApiOperation operation, ApiDescription description)
    {
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
        if (body is null || !ApiExamples.Requests.TryGetValue(body.Type, out var examples)) return;
        if (operation.RequestBody?.Content is not { } content) return;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            foreach (var (name, summary, value) in examples)
                media.Examples[name] = new OpenApiExample { Summary = summary, Value = System.Text.Json.JsonSerializer.SerializeToNode(value, System.Text.Json.JsonSerializerOptions.Web) };
        }
    }

    private static void AddProblemExamples(OpenApiOperation operation, string path, string method)
    {
        if (operation.Responses is null) return;
        foreach (var (status, response) in operation.Responses)
        {
            if (!int.TryParse(status, out var code) || code < 400 || response.Content is null) continue;
            foreach (var (type, media) in response.Content)
                if (type == ProblemJson && media is OpenApiMediaType concrete)
                    concrete.Example = ApiExamples.Problem(code, path, method);
            if (response is OpenApiResponse concreteResponse && string.IsNullOrEmpty(concreteResponse.Description))
                concreteResponse.Description = ApiProblemTitle(code);
        }
    }

    private static void AddHeaders(OpenApiOperation operation, ApiDescription description, string path)
    {
        operation.Parameters ??= [];
        if (description.HttpMethod == "POST" && path.StartsWith("/api/v1/campaigns", StringComparison.Ordinal))
        {
            operation.Parameters.Add(Header(RequestActor.IdempotencyHeader,
                "Makes the command safe to retry: the same key and body return the first response; the same key with another body is refused with 422."));
            operation.Parameters.Add(Header(RequestActor.OnBehalfOfHeader,
                "The person this key acts for (recorded in the history); only keys allowed to act for others may send it."));
            operation.Parameters.Add(Header(RequestActor.CorrelationHeader, "Recorded with the history entries the command writes."));
            if (path != "/api/v1/campaigns")
                operation.Parameters.Add(Header("If-Match", "The campaign version (its ETag, quoted) the command expects; 412 when it has changed.", "\"7\""));
        }
        if (description.HttpMethod == "GET" && path.EndsWith("/progress", StringComparison.Ordinal))
            operation.Parameters.Add(Header("If-None-Match", "The progress ETag from an earlier response: 304 when nothing changed."));
        operation.Parameters.Add(Header("Accept-Language", "zh (any zh-* variant) for problem details and display names in Chinese; English otherwise.", "zh-CN"));
    }

    private static OpenApiParameter Header(string name, string description, string? example = null) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = example is null ? null : JsonValue.Create(example),
    };

    private static OpenApiResponse ProblemResponse(string description, string path, string method, int status) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            [ProblemJson] = new OpenApiMediaType { Example = ApiExamples.Problem(status, path, method) },
        },
    };

    private static readonly Dictionary<string, string> QueryDescriptions = new()
    {
        ["cursor"] = "The nextCursor of the previous page; omit it for the first page.",
        ["limit"] = $"Items per page, 1 to {Paging.Cursor.MaxLimit} (default {Paging.Cursor.DefaultLimit}).",
        ["after"] = "The last id (events) or sequence (a campaign's history) already seen: the nextCursor of the previous page; omit it to start at the beginning.",
        ["status"] = "campaigns: notStarted, running, suspended, completed, cancelled; tasks: active (default), completed, cancelled.",
        ["phase"] = "The phase id the campaigns are in (study, analysis, rectification for the seed template).",
        ["organization"] = "The organization (a unit's id) the campaigns, groups or role grants belong to, exactly.",
        ["under"] = "A unit's id: only that unit and its subtree.",
        ["principal"] = "A principal id: only the roles granted to it directly.",
        ["group"] = "A group id: only the roles granted to that group.",
        ["assignee"] = "A person or role name the tasks are assigned to.",
        ["role"] = "A role name the tasks are assigned to (the same as assignee).",
        ["overdue"] = "true: only active tasks past their due time.",
        ["format"] = "mermaid (default, text/plain) or dot (text/vnd.graphviz).",
    };

    private static void DescribeQueryParameters(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name && QueryDescriptions.TryGetValue(name, out var text))
                parameter.Description ??= text;
    }

    private static string ApiProblemTitle(int status) => Errors.ApiProblem.Title(status);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();
}
