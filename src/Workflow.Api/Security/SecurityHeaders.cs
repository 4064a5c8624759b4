namespace Workflow.Api.Security;

/// <summary>
/// Headers every answer carries, set as the response starts so error pages and problem details get them too: no MIME
/// sniffing, no framing by other sites, no referrer sent away, and a content security policy per kind of answer. The web
/// app's policy allows scripts only from the server itself, never inline. Two allowances, each for a library the app
/// uses: 'unsafe-eval', because Ajv (the result forms' validator) compiles the JSON Schemas the server sends into
/// functions at run time; inline styles, because Ant Design's CSS-in-JS inserts style elements. API answers are data
/// and may load nothing at all.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI's page is Swashbuckle's own; its bundled script and style files come from the server.
    public const string DocumentationPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web app's policy on a server with an OpenID Connect provider: the app also talks to the provider's origin
    /// (discovery, keys, token exchange), and to nothing else.
    /// </summary>
    public static string AppPolicyFor(Identity.OidcOptions oidc) =>
        oidc.Enabled && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? AppPolicy.Replace("connect-src 'self'", $"connect-src 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : AppPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var appPolicy = AppPolicyFor(app.ApplicationServices.GetRequiredService<Identity.OidcOptions>());
        return app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/app") ? appPolicy
                : path.StartsWithSegments("/swagger") ? DocumentationPolicy
                : DataPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
    }
}
