using Microsoft.AspNetCore.Diagnostics;

namespace Workflow.Api.Errors;

/// <summary>
/// Turns the exceptions a bad request causes (unreadable JSON, wrong types, a body too large, a
/// query value that does not parse) into 4xx problems, and anything else into a 500 that names a
/// trace id but shows no internals.
/// </summary>
internal sealed class RequestExceptionHandler(ILogger<RequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, arguments) = exception switch
        {
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, ProblemCodes.RequestInvalid, new Dictionary<string, string> { ["error"] = "The request was cancelled." }),
            Audit.Verification.SigningKeyUnavailable unavailable =>
                (503, ProblemCodes.SigningKeyUnavailable, new Dictionary<string, string> { ["kid"] = unavailable.Kid }),
            _ => BadRequests.Classify(exception),
        };
        // The message names the kid and the reason, never key material.
        if (status == 503) logger.LogError("{Path}: {Reason}", context.Request.Path, exception.Message);
        if (status == 500) logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
        arguments["traceId"] = ApiProblem.TraceId(context);
        arguments["limit"] = ErrorSetup.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblem.Create(context, status, code, arguments).ExecuteAsync(context);
        return true;
    }
}
