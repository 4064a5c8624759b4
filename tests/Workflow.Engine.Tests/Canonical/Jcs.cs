using System.Text.Json;
using Workflow.Engine.Canonical;

namespace Workflow.Engine.Tests.Canonical;

/// <summary>Shorthands: canonicalize JSON text through the public API.</summary>
internal static class Jcs
{
    public static string Of(string json, IReadOnlySet<string>? ignored = null)
    {
        using var document = JsonDocument.Parse(json);
        return JsonCanonicalizer.CanonicalizeToString(document.RootElement, ignored);
    }

    public static byte[] BytesOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonCanonicalizer.Canonicalize(document.RootElement);
    }

    public static string HashOf(string json, IReadOnlySet<string>? ignored = null)
    {
        using var document = JsonDocument.Parse(json);
        return JsonCanonicalizer.Sha256Hex(document.RootElement, ignored);
    }

    public static ArgumentException Refused(string json) => Assert.Throws<ArgumentException>(() => Of(json));

    public static ArgumentException Refused(byte[] utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        JsonElement root = document.RootElement;
        return Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(root));
    }
}
