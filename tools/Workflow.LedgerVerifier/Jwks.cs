using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Workflow.LedgerVerifier;

/// <summary>
/// Reads a JSON Web Key Set (RFC 7517) as the server serves it (<c>GET /api/v1/audit/jwks</c>): EC P-256
/// keys with <c>x</c>, <c>y</c> and a <c>kid</c> that must be the lower-case hex SHA-256 of the key's DER
/// SubjectPublicKeyInfo, as checkpoints name their key. Any other key type or a kid that does not match
/// its key is refused, so a JWKS cannot lend one key another's name.
/// </summary>
public static class Jwks
{
    public static IReadOnlyList<ECDsa> Read(JsonElement jwks)
    {
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw new FormatException("the JWKS is not a JSON object with a keys array");
        var read = new List<ECDsa>();
        try
        {
            foreach (var jwk in keys.EnumerateArray())
            {
                string? Text(string name) => jwk.ValueKind == JsonValueKind.Object && jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (Text("kty") != "EC" || Text("crv") != "P-256" || Text("x") is not { } x || Text("y") is not { } y)
                    throw new FormatException($"JWK {Text("kid") ?? "(no kid)"} is not an EC P-256 key with x and y");
                var key = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = Base64Url.DecodeFromChars(x), Y = Base64Url.DecodeFromChars(y) },
                });
                read.Add(key);
                var kid = KeyId(key);
                if (Text("kid") is { } named && named != kid)
                    throw new FormatException($"JWK {named} is not the key it names: its SHA-256 is {kid}");
            }
        }
        catch
        {
            foreach (var key in read) key.Dispose();
            throw;
        }
        return read;
    }

    /// <summary>A key's id as checkpoints carry it: lower-case hex SHA-256 of its DER SubjectPublicKeyInfo.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
}
