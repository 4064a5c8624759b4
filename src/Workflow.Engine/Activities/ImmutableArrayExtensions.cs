using System.Collections.Immutable;

namespace Workflow.Engine.Activities;

/// <summary>
/// A descriptor built by hand may leave an array as <c>default</c>, which throws when enumerated;
/// readers treat it as empty instead.
/// </summary>
internal static class ImmutableArrayExtensions
{
    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> array) => array.IsDefault ? [] : array;
}
