using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Workflow.Api.Web;

/// <summary>Where the built web app (src/Workflow.Web, copied to the output's app/ folder by the build) is read from.</summary>
public sealed class WebAppOptions
{
    /// <summary>The folder holding index.html and assets/; default: <c>app/</c> beside the API's assembly.</summary>
    public string? Root { get; set; }

    public string ResolvedRoot => Path.GetFullPath(string.IsNullOrWhiteSpace(Root) ? Path.Combine(AppContext.BaseDirectory, "app") : Root);
}

/// <summary>
/// The web app under <c>/app/</c>: its files from a physical folder (not the static-asset manifest,
/// which misses files the build produces), and index.html for every other path under /app/ so deep
/// links work. Nothing outside /app/ falls back to it, so unknown /api routes stay problem details.
/// The page needs no key; the API calls it makes do.
/// </summary>
public static class WebApp
{
    public const string BasePath = "/app";

    public static IServiceCollection AddWebApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebAppOptions>(configuration.GetSection("WebApp"));
        return services;
    }

    /// <summary>Before authentication: static files are middleware, and the fallback policy (a key for everything) would cover them.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value.ResolvedRoot;
        if (!File.Exists(Path.Combine(root, "index.html")))
            app.Logger.LogWarning("The web app is not built: {Root} has no index.html; /app/ answers 404. Build with `dotnet build` (needs Node.js 20+).", root);
        if (!Directory.Exists(root)) return app;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = BasePath,
            OnPrepareResponse = context =>
            {
                // Hashed bundle names may be cached for good; anything else is revalidated.
                var immutable = context.Context.Request.Path.StartsWithSegments(BasePath + "/assets");
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        // A file under /app/ that is not there (no endpoint: the fallback leaves file names alone) is a
        // plain 404 for everyone, not a request for a key.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments(BasePath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<WebAppOptions>>().Value.ResolvedRoot;
        // :nonfile leaves paths with a file extension (/app/assets/x.js) to the static files, so a
        // missing asset is a 404, not the page.
        app.MapFallback(BasePath + "/{**path:nonfile}", (HttpContext context) =>
            {
                // /app itself: the page's relative URLs need the slash.
                if (!context.Request.Path.Value!.EndsWith('/') && context.Request.Path.Equals(BasePath, StringComparison.OrdinalIgnoreCase))
                    return Results.Redirect(BasePath + "/" + context.Request.QueryString);
                var index = Path.Combine(root, "index.html");
                if (!File.Exists(index)) return Results.NotFound();
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                return Results.File(index, "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
