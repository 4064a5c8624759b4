using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Workflow.Api.Errors;

/// <summary>
/// Turns the exceptions a bad request causes (unreadable JSON, wrong types, a body too large)
/// into 4xx problems, and anything else into a 500 that names a trace id but shows no internals.
/// </summary>
internal sealed class RequestExceptionHandler(ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, error) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, ProblemCodes.RequestTooLarge, ""),
            BadHttpRequestException { InnerException: JsonException json } => (400, ProblemCodes.RequestMalformed, Describe(json)),
            BadHttpRequestException { StatusCode: 415 } => (415, ProblemCodes.MediaTypeUnsupported, ""),
            BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.RequestInvalid, bad.Message),
            JsonException json => (400, ProblemCodes.RequestMalformed, Describe(json)),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, ProblemCodes.RequestInvalid, "The request was cancelled."),
            _ => (500, ProblemCodes.ServerError, ""),
        };
        if (status == 500) logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
        var arguments = new Dictionary<string, string>
        {
            ["error"] = error,
            ["traceId"] = context.TraceIdentifier,
            ["limit"] = ErrorSetup.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await ApiProblem.Create(context, status, code, arguments).ExecuteAsync(context);
        return true;
    }

    private static string Describe(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message) + where + line;
    }
}
