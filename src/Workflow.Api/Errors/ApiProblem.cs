using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Api.Errors;

/// <summary>Builds RFC 9457 problem details with a stable type, a machine code and its arguments, and a detail in the caller's language.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Create(
        HttpContext context, int status, string code, IReadOnlyDictionary<string, string>? arguments = null,
        string? englishDetail = null, IDictionary<string, object?>? extensions = null, string? variant = null)
    {
        var args = arguments ?? new Dictionary<string, string>();
        var problem = new ProblemDetails
        {
            Type = ProblemCodes.TypePrefix + code,
            Title = Title(status),
            Status = status,
            Detail = Messages.Detail(context, code, args, englishDetail, variant),
            Instance = context.Request.Path,
        };
        Fill(problem, context, code, args);
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Create(HttpContext context, int status, string code, params (string Key, string Value)[] arguments) =>
        Create(context, status, code, arguments.ToDictionary(a => a.Key, a => a.Value));

    internal static void Fill(ProblemDetails problem, HttpContext context, string code, IReadOnlyDictionary<string, string> arguments)
    {
        problem.Type = ProblemCodes.TypePrefix + code;
        problem.Extensions["code"] = code;
        problem.Extensions["arguments"] = arguments;
        problem.Extensions["traceId"] = TraceId(context);
    }

    /// <summary>The id the problem writer puts in <c>traceId</c> (the W3C activity id when there is one), so a detail can quote the same reference.</summary>
    public static string TraceId(HttpContext context) => System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;

    internal static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Authentication required",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Request too large",
        415 => "Unsupported media type",
        422 => "Unprocessable request",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => "Server error",
    };
}
