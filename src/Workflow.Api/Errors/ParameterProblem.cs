using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Workflow.Api.Errors;

/// <summary>
/// Which route, query or header parameter a request could not be bound to, found from the endpoint's
/// parameter metadata (<see cref="IParameterBindingMetadata"/>): each parameter's value is parsed again
/// with its type's own TryParse, and a required one is looked for. The framework's exception names
/// neither the parameter nor the value other than in an English sentence.
/// </summary>
internal static class ParameterProblem
{
    public sealed record Found(string Code, Dictionary<string, string> Arguments);

    public static Found? Find(HttpContext context, Endpoint? endpoint, RouteValueDictionary routeValues)
    {
        if (endpoint is null) return null;
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern;
        Found? missing = null;
        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (Source(parameter, pattern) is not { } source) continue;
            StringValues values = source.Kind switch
            {
                "route" => routeValues.TryGetValue(source.Name, out var value) && value is not null ? value.ToString() : StringValues.Empty,
                "header" => context.Request.Headers[source.Name],
                _ => context.Request.Query[source.Name],
            };
            if (StringValues.IsNullOrEmpty(values))
            {
                if (!parameter.IsOptional) missing ??= new Found(ProblemCodes.ParameterRequired, new() { ["parameter"] = source.Name });
                continue;
            }
            var type = parameter.ParameterInfo.ParameterType;
            var element = type.IsArray ? type.GetElementType()! : type;
            foreach (var value in values)
                if (!Parses(value, Nullable.GetUnderlyingType(element) ?? element))
                    return new Found(ProblemCodes.ParameterInvalid, new() { ["parameter"] = source.Name, ["value"] = value is { Length: > 100 } ? value[..100] + "…" : value ?? "" });
        }
        return missing;
    }

    /// <summary>Where a parameter is read from, as minimal APIs decide it: its attribute, else the route when the pattern names it, else the query for parsable types.</summary>
    private static (string Kind, string Name)? Source(IParameterBindingMetadata parameter, Microsoft.AspNetCore.Routing.Patterns.RoutePattern? pattern)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes(inherit: true);
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case IFromRouteMetadata route: return ("route", route.Name ?? parameter.Name);
                case IFromQueryMetadata query: return ("query", query.Name ?? parameter.Name);
                case IFromHeaderMetadata header: return ("header", header.Name ?? parameter.Name);
                case IFromBodyMetadata or IFromServiceMetadata or IFromFormMetadata: return null;
            }
        }
        if (pattern?.GetParameter(parameter.Name) is not null) return ("route", parameter.Name);
        var type = parameter.ParameterInfo.ParameterType;
        var element = type.IsArray ? type.GetElementType()! : type;
        return parameter.HasTryParse || element == typeof(string) || (Nullable.GetUnderlyingType(element) ?? element).IsEnum ? ("query", parameter.Name) : null;
    }

    /// <summary>Whether the text parses as the type, with the type's own TryParse as minimal APIs call it (invariant culture).</summary>
    private static bool Parses(string? text, Type type)
    {
        if (type == typeof(string) || text is null) return true;
        if (type.IsEnum) return Enum.TryParse(type, text, ignoreCase: true, out _);
        var byRef = type.MakeByRefType();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        if (type.GetMethod("TryParse", flags, [typeof(string), typeof(IFormatProvider), byRef]) is { } withCulture)
            return (bool)withCulture.Invoke(null, [text, System.Globalization.CultureInfo.InvariantCulture, null])!;
        if (type.GetMethod("TryParse", flags, [typeof(string), byRef]) is { } plain)
            return (bool)plain.Invoke(null, [text, null])!;
        return true;
    }
}
