using System.Runtime.InteropServices;
using System.Text.Json;

namespace Workflow.Engine.Canonical;

/// <summary>
/// An object member with its name as unescaped UTF-8: the raw bytes of the document when the
/// name has no escapes (almost always), otherwise a decoded copy.
/// </summary>
internal readonly struct MemberName
{
    private readonly byte[]? _decoded;

    private MemberName(JsonProperty property, byte[]? decoded)
    {
        Property = property;
        _decoded = decoded;
    }

    public JsonProperty Property { get; }

    public ReadOnlySpan<byte> Utf8 => _decoded ?? JsonMarshal.GetRawUtf8PropertyName(Property);

    public static MemberName From(JsonProperty property)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return new MemberName(property, JsonStringDecoder.DecodeIfEscaped(raw));
    }
}
