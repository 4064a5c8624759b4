using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Workflow.Engine.Values;

namespace Workflow.Engine.Texts;

/// <summary>
/// A sentence of the engine's as data: a stable key into <see cref="EngineTexts"/> and the values it speaks of,
/// rendered in a culture only when shown. Parts are texts of their own (a noun, a clause), rendered in the same
/// culture, so a Chinese sentence never carries an English fragment of the engine's.
/// </summary>
public sealed class EngineText : IEquatable<EngineText>
{
    private EngineText(string key, ImmutableSortedDictionary<string, string> arguments, ImmutableSortedDictionary<string, EngineText> parts,
        LocalizedText? own = null, ImmutableArray<EngineText> items = default)
    {
        Key = key;
        Arguments = arguments;
        Parts = parts;
        _own = own;
        _items = items;
    }

    // A definition's own text (a gate's display names), shown as its author wrote it in each language.
    private readonly LocalizedText? _own;

    // A list: the items joined by the separator that Key names, in the culture rendered.
    private readonly ImmutableArray<EngineText> _items;

    private static readonly ImmutableSortedDictionary<string, string> NoArguments = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
    private static readonly ImmutableSortedDictionary<string, EngineText> NoParts = ImmutableSortedDictionary.Create<string, EngineText>(StringComparer.Ordinal);

    /// <summary>Text a definition supplies in its own languages; <paramref name="fallback"/> (its stable name) when it has none.</summary>
    public static EngineText Own(LocalizedText text, string fallback) => new(fallback, NoArguments, NoParts, text);

    /// <summary>Items joined by a separator from the catalog (<c>list.comma</c>, <c>list.semicolon</c>), each language with its own punctuation.</summary>
    public static EngineText List(string separatorKey, IEnumerable<EngineText> items) => new(separatorKey, NoArguments, NoParts, null, [.. items]);

    public string Key { get; }

    /// <summary>The values filled in, exact and culture-free (programs read these).</summary>
    public ImmutableSortedDictionary<string, string> Arguments { get; }

    public ImmutableSortedDictionary<string, EngineText> Parts { get; }

    public static EngineText Of(string key, params (string Name, object? Value)[] arguments)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var parts = ImmutableSortedDictionary.CreateBuilder<string, EngineText>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (value is EngineText part) parts[name] = part;
            else values[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        return new EngineText(key, values.ToImmutable(), parts.ToImmutable());
    }

    /// <summary>The arguments with each part rendered in English, as the engine's arguments have always been given.</summary>
    public IReadOnlyDictionary<string, string> ArgumentsWithParts() =>
        Parts.IsEmpty ? Arguments : Arguments.SetItems(Parts.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.Render(EngineTexts.English))));

    /// <summary>The text in zh-CN for any Chinese culture, in English for every other.</summary>
    public string Render(string culture)
    {
        if (_own is not null) return _own.Get(culture) is { Length: > 0 } own ? own : Key;
        if (!_items.IsDefault) return string.Join(EngineTexts.Template(Key, culture), _items.Select(i => i.Render(culture)));
        var template = EngineTexts.Template(Key, culture);
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(template[i]);
                continue;
            }
            var name = template[(i + 1)..close];
            if (Parts.TryGetValue(name, out var part)) text.Append(part.Render(culture));
            else if (Arguments.TryGetValue(name, out var value)) text.Append(value);
            else text.Append('{').Append(name).Append('}');
            i = close;
        }
        return text.ToString();
    }

    public override string ToString() => Render(EngineTexts.English);

    public bool Equals(EngineText? other) =>
        other is not null && Key == other.Key && Arguments.SequenceEqual(other.Arguments) && Parts.SequenceEqual(other.Parts)
        && Equals(_own, other._own) && (_items.IsDefault ? other._items.IsDefault : !other._items.IsDefault && _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => Equals(obj as EngineText);

    public override int GetHashCode() => HashCode.Combine(Key, Arguments.Count, Parts.Count);
}
