using Workflow.Storage.Organizations;

namespace Workflow.Api.Organizations;

/// <summary>
/// The organization tree in memory (ids, parents and materialized paths): "is X under Y" and "everything under Y"
/// without a query. Built from the database by <see cref="OrganizationTreeCache"/>, or from a planned change
/// (<see cref="Paths"/>) to check it before it is written.
/// </summary>
public sealed class OrganizationTree
{
    public sealed record Node(string Id, string? ParentId, string Path);

    public static readonly OrganizationTree Empty = new([]);

    private readonly Dictionary<string, Node> nodes;

    public OrganizationTree(IEnumerable<Node> nodes) => this.nodes = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);

    public bool IsEmpty => nodes.Count == 0;

    public bool Contains(string id) => nodes.ContainsKey(id);

    /// <summary>Whether <paramref name="id"/> is <paramref name="ancestorId"/> or inside its subtree.</summary>
    public bool IsWithin(string id, string ancestorId) =>
        nodes.TryGetValue(id, out var node) && node.Path.Contains("/" + ancestorId + "/", StringComparison.Ordinal);

    /// <summary>The ids of the node and everything under it (nothing when there is no such node).</summary>
    public IEnumerable<string> Subtree(string id) =>
        nodes.TryGetValue(id, out var top) ? nodes.Values.Where(n => n.Path.StartsWith(top.Path, StringComparison.Ordinal)).Select(n => n.Id) : [];

    /// <summary>
    /// The path of every node from the parent links, or the id of a node on a cycle (whose parents never reach
    /// the top). Parents that are not in <paramref name="parents"/> must have been refused before.
    /// </summary>
    public static Dictionary<string, string>? Paths(IReadOnlyDictionary<string, string?> parents, out string? onCycle)
    {
        onCycle = null;
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in parents.Keys)
        {
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? at = start;
            while (at is not null && !paths.ContainsKey(at))
            {
                if (!seen.Add(at))
                {
                    onCycle = at;
                    return null;
                }
                chain.Add(at);
                at = parents[at];
            }
            var path = at is null ? null : paths[at];
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                path = OrganizationNode.PathOf(path, chain[i]);
                paths[chain[i]] = path;
            }
        }
        return paths;
    }
}
