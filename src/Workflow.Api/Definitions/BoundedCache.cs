namespace Workflow.Api.Definitions;

/// <summary>
/// A least-recently-used map holding at most <c>capacity</c> entries, safe for concurrent use: the
/// memory of the compiled definitions stays bounded however many versions were ever published.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _entries = [];
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>The value already held for the key, or <paramref name="value"/> added (evicting the least recently used).</summary>
    public TValue GetOrAdd(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Value;
            }
            _entries[key] = _order.AddFirst((key, value));
            if (_entries.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
            return value;
        }
    }

    /// <summary>Removes the key if it still holds <paramref name="value"/> (a newer value stays).</summary>
    public void Remove(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && EqualityComparer<TValue>.Default.Equals(node.Value.Value, value))
            {
                _order.Remove(node);
                _entries.Remove(key);
            }
        }
    }
}
