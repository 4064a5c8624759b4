using System.Reflection;
using Microsoft.AspNetCore.Http.Extensions;

namespace Workflow.Api.Paging;

/// <summary>A page of a list: the position its next page starts from, if there is one.</summary>
public interface IPage
{
    /// <summary>What the next page's request passes back (a cursor, or a position to read after); null on the last page.</summary>
    string? NextPosition { get; }
}

/// <summary>
/// Gives every paged answer a <c>Link: &lt;…&gt;; rel="next"</c> header (RFC 8288): the same request with
/// the next position in the list's own parameter (<c>cursor</c>, or <c>after</c> for ledgers and the
/// feed), so a client can follow pages without knowing how each list names its position.
/// </summary>
internal sealed class PageLinks : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        // A typed Results<…> union holds the answer it chose.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IValueHttpResult { Value: IPage { NextPosition: { } position } } && !http.Response.Headers.ContainsKey("Link")
            && PositionParameter(http) is { } parameter)
            http.Response.Headers.Append("Link", $"<{NextUrl(http.Request, parameter, position)}>; rel=\"next\"");
        return result;
    }

    /// <summary>The handler's parameter that takes the position: cursor, else after.</summary>
    private static string? PositionParameter(HttpContext http)
    {
        var names = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().Select(p => p.Name).ToHashSet() ?? [];
        return names.Contains("cursor") ? "cursor" : names.Contains("after") ? "after" : null;
    }

    /// <summary>The same query with the next position, relative to the server.</summary>
    internal static string NextUrl(HttpRequest request, string parameter, string position)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !string.Equals(p.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
        {
            { parameter, position },
        };
        return $"{request.PathBase}{request.Path}{query}";
    }
}
