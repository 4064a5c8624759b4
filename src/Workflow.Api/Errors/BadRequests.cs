using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Workflow.Api.Errors;

/// <summary>
/// Reads what went wrong from the exceptions that request binding throws, so the problem can name the field,
/// the parameter or the place in the body in the caller's language. Classified by the exception's type and
/// status, the endpoint's parameter and body metadata, and the buffered body read again with the JSON reader;
/// never by the framework's (English, unversioned) message text.
/// </summary>
internal static class BadRequests
{
    /// <summary>A classified refusal: status, stable code, the text variant under the code (null for its own), and the arguments.</summary>
    public sealed record Refusal(int Status, string Code, Dictionary<string, string> Arguments, string? Variant = null);

    public static Refusal Classify(Exception exception, HttpContext context, ReadOnlySpan<byte> body) => exception switch
    {
        BadHttpRequestException { StatusCode: 413 } => new(413, ProblemCodes.RequestTooLarge, []),
        BadHttpRequestException { StatusCode: 415 } => new(415, ProblemCodes.MediaTypeUnsupported, []),
        BadHttpRequestException { InnerException: JsonException json } => Json(json, context, body),
        BadHttpRequestException bad => Binding(bad, context, body),
        JsonException json => Json(json, context, body),
        _ => new(500, ProblemCodes.ServerError, []),
    };

    /// <summary>Broken JSON names the line, the byte and what belonged there; JSON of the wrong shape names the path and what it must be.</summary>
    private static Refusal Json(JsonException json, HttpContext context, ReadOnlySpan<byte> body)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var reader = ReaderOptions(options);
        if (JsonSyntaxProblem.Find(body, reader) is { } broken)
            return new(400, ProblemCodes.RequestMalformed, new()
            {
                ["line"] = broken.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["position"] = broken.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["expected"] = Expected(broken.Kind),
                ["found"] = broken.Text,
            }, Expected(broken.Kind));
        var endpoint = EndpointOf(context);
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (JsonShapeProblem.Find(body, bodyType, options, reader) is { } misfit)
            return new(400, misfit.Code, misfit.Arguments, misfit.Variant);
        // A converter of our own refused a value the walk let through: the serializer's path still says where.
        return new(400, ProblemCodes.ValueInvalid, new() { ["path"] = json.Path is { Length: > 0 } p ? p : "$" }, "unreadable");
    }

    /// <summary>The kind of syntax error as a stable argument value (also the name of its text variant).</summary>
    private static string Expected(JsonSyntaxProblem.Kind kind) => kind switch
    {
        JsonSyntaxProblem.Kind.End => "end",
        JsonSyntaxProblem.Kind.Trailing => "nothing",
        JsonSyntaxProblem.Kind.Name => "name",
        JsonSyntaxProblem.Kind.Colon => "colon",
        JsonSyntaxProblem.Kind.Value => "value",
        JsonSyntaxProblem.Kind.SeparatorInObject => "commaOrBrace",
        _ => "commaOrBracket",
    };

    /// <summary>A parameter that does not parse or is missing, else a body that is required but empty.</summary>
    private static Refusal Binding(BadHttpRequestException bad, HttpContext context, ReadOnlySpan<byte> body)
    {
        var endpoint = EndpointOf(context);
        var routeValues = context.Features.Get<IExceptionHandlerFeature>()?.RouteValues ?? context.Request.RouteValues;
        if (ParameterProblem.Find(context, endpoint, routeValues) is { } parameter) return new(400, parameter.Code, parameter.Arguments);
        if (endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null, IsOptional: false } && IsEmpty(body))
            return new(400, ProblemCodes.BodyRequired, []);
        return new(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, ProblemCodes.RequestInvalid, [], "binding");
    }

    /// <summary>No body, only whitespace, or JSON null: nothing to bind.</summary>
    private static bool IsEmpty(ReadOnlySpan<byte> body)
    {
        var text = body.Trim(" \t\r\n"u8);
        return text.IsEmpty || text.SequenceEqual("null"u8);
    }

    /// <summary>The endpoint that failed: the exception handler has already cleared it from the context, and keeps it in its feature.</summary>
    private static Endpoint? EndpointOf(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    /// <summary>The reader options the serializer reads request bodies with.</summary>
    internal static JsonReaderOptions ReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
    };
}
