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
        var body = exception is BadHttpRequestException { StatusCode: not (413 or 415) } or System.Text.Json.JsonException ? await BufferedBodyAsync(context.Request, cancellationToken) : [];
        var (status, code, arguments, variant) = exception switch
        {
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                new BadRequests.Refusal(499, ProblemCodes.RequestInvalid, new Dictionary<string, string> { ["error"] = "The request was cancelled." }),
            Audit.Verification.SigningKeyUnavailable unavailable =>
                new BadRequests.Refusal(503, ProblemCodes.SigningKeyUnavailable, new Dictionary<string, string> { ["kid"] = unavailable.Kid }),
            _ when Storage.Providers.StorageUnavailable.Is(exception) => new BadRequests.Refusal(503, ProblemCodes.DatabaseUnavailable, []),
            _ => BadRequests.Classify(exception, context, body),
        };
        // The message names the kid and the reason, never key material.
        if (status == 503) logger.LogError("{Path}: {Reason}", context.Request.Path, exception.Message);
        // Load, not a fault: the client may send the same request again soon (commands carry their Idempotency-Key).
        if (code == ProblemCodes.DatabaseUnavailable) context.Response.Headers.RetryAfter = "1";
        if (status == 500) logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
        // A task's result sent bare ({"heldOn": …} instead of {"result": {"heldOn": …}}): say how to wrap it.
        if (code == ProblemCodes.UnknownField && context.Request.Path.Value?.EndsWith("/complete", StringComparison.Ordinal) == true
            && !await HasResultAsync(context.Request, cancellationToken))
            code = ProblemCodes.ResultUnwrapped;
        arguments["traceId"] = ApiProblem.TraceId(context);
        if (code == ProblemCodes.RequestTooLarge) arguments["limit"] = ErrorSetup.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblem.Create(context, status, code, arguments, variant: variant).ExecuteAsync(context);
        return true;
    }

    /// <summary>The body as sent, when RequestTextCheck buffered it (every JSON body); empty otherwise.</summary>
    private static async Task<byte[]> BufferedBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek) return [];
        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>Whether the (buffered) body has a top-level "result": with one, an unknown member is just unknown.</summary>
    private static async Task<bool> HasResultAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek) return false;
        request.Body.Position = 0;
        try
        {
            using var document = await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("result", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
