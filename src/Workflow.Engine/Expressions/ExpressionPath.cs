using System.Collections.Immutable;

namespace Workflow.Engine.Expressions;

/// <summary>
/// A static member chain an expression reads, such as <c>results.massAppraisal.satisfaction</c>.
/// Records compare by value (segment by segment), so paths can be looked up and deduplicated.
/// </summary>
public sealed record ExpressionPath(ImmutableArray<string> Segments)
{
    internal static ExpressionPath Parse(string dotted) => new([.. dotted.Split('.')]);

    public bool Equals(ExpressionPath? other) =>
        other is not null && Segments.AsSpan().SequenceEqual(other.Segments.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments) hash.Add(segment, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join('.', Segments);
}
