using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Workflow.Engine.Canonical;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that hashes of
/// definitions and ledger entries are taken over. Object members are sorted by their names as
/// UTF-16 code units, there is no whitespace, strings are escaped as ECMAScript's
/// <c>JSON.stringify</c> does and numbers are written as ECMAScript writes IEEE-754 doubles.
/// </summary>
/// <remarks>
/// Input that JCS cannot represent is refused with an <see cref="ArgumentException"/>: duplicate
/// member names, lone surrogates (escaped or as bytes), invalid UTF-8, numbers that overflow a
/// double, and <c>default(JsonElement)</c>. Callers are expected to have validated before.
/// Nesting too deep for the thread's stack ends in an <see cref="InsufficientExecutionStackException"/>.
/// The element's <see cref="JsonDocument"/> must stay undisposed during a call.
/// </remarks>
public static class JsonCanonicalizer
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    /// <param name="ignoredTopLevelProperties">Names of members of the top-level object to leave
    /// out (e.g. publication metadata). Nested members with the same names are kept.</param>
    public static byte[] Canonicalize(JsonElement value, IReadOnlySet<string>? ignoredTopLevelProperties = null)
    {
        using var buffer = new PooledBufferWriter();
        Canonicalize(value, buffer, ignoredTopLevelProperties);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the canonical UTF-8 bytes of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <remarks>If the value is refused, part of it may already have been written.</remarks>
    public static void Canonicalize(JsonElement value, IBufferWriter<byte> output, IReadOnlySet<string>? ignoredTopLevelProperties = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new CanonicalOutput(output);
        CanonicalJsonWriter.WriteValue(value, ref writer, ignoredTopLevelProperties);
        writer.Flush();
    }

    /// <summary>The canonical form of <paramref name="value"/> as a string.</summary>
    public static string CanonicalizeToString(JsonElement value, IReadOnlySet<string>? ignoredTopLevelProperties = null)
    {
        using var buffer = new PooledBufferWriter();
        Canonicalize(value, buffer, ignoredTopLevelProperties);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The lower-case hex SHA-256 of the canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    public static string Sha256Hex(JsonElement value, IReadOnlySet<string>? ignoredTopLevelProperties = null)
    {
        using var buffer = new PooledBufferWriter();
        Canonicalize(value, buffer, ignoredTopLevelProperties);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }
}
