using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Api.Errors;

/// <summary>
/// Every refusal is problem details: status-code pages for bare statuses, an exception handler
/// that turns bad requests into 4xx and anything else into a 500 without internals.
/// </summary>
public static class ErrorSetup
{
    /// <summary>Bodies above this are refused with 413; no command needs more.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<RequestExceptionHandler>();
        // Outside Development, minimal APIs answer a body or parameter they cannot bind with a bare 400
        // and say why only in the log; thrown, the reason reaches RequestExceptionHandler and the client.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // {"name": "a", "name": "b"} is refused rather than read as "b": a client that sent two values meant one of them.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new Contract.UtcTimestampConverter());
            // A member the request does not take is refused, not ignored: a typo or a misplaced field would otherwise vanish.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        return services;
    }

    public static WebApplication UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The body limit of the test server and of Kestrel alike.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
            if (context.Request.ContentLength > MaxBodyBytes)
                return ApiProblem.Create(context, 413, ProblemCodes.RequestTooLarge, ("limit", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExecuteAsync(context);
            return next(context);
        });
        app.UseRequestTextCheck();
        return app;
    }

    /// <summary>Gives bare status problems (401, 403, 404, 405…) a stable code and a message in the caller's language.</summary>
    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var http = context.HttpContext;
        var code = problem.Status switch
        {
            400 => ProblemCodes.RequestInvalid,
            401 when http.Items.ContainsKey(Identity.ApiKeyAuthentication.KeyRefusedItem) => ProblemCodes.AuthKeyInvalid,
            401 when http.Items.ContainsKey(Identity.OidcAuthentication.TokenRefusedItem) => ProblemCodes.AuthTokenInvalid,
            401 => ProblemCodes.AuthenticationRequired,
            403 => ProblemCodes.Forbidden,
            404 => ProblemCodes.NotFound,
            405 => ProblemCodes.MethodNotAllowed,
            413 => ProblemCodes.RequestTooLarge,
            415 => ProblemCodes.MediaTypeUnsupported,
            _ => ProblemCodes.ServerError,
        };
        var arguments = new Dictionary<string, string>
        {
            ["path"] = http.Request.Path,
            ["method"] = http.Request.Method,
            ["traceId"] = ApiProblem.TraceId(http),
        };
        // Only what the code's message speaks of: a 401 has no business showing a body limit or a framework's error text.
        if (code == ProblemCodes.RequestTooLarge) arguments["limit"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (code == ProblemCodes.RequestInvalid) arguments["error"] = problem.Detail ?? "";
        problem.Title = ApiProblem.Title(problem.Status ?? 500);
        problem.Detail = Messages.Detail(http, code, arguments);
        problem.Instance ??= http.Request.Path;
        ApiProblem.Fill(problem, http, code, arguments);
        // Never leak internals, whatever the environment.
        problem.Extensions.Remove("exception");
    }
}
