using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Identity;

/// <summary>
/// API keys look like <c>cwk_{prefix}_{secret}</c>: the prefix finds the row, the secret is
/// compared by its SHA-256. Keys are 256-bit random, so a fast hash is enough. A local sign-in's session token has the
/// same shape with <c>cws_</c> in front, so that it can be told from a service account's key at a glance.
/// </summary>
public static class ApiKeySecrets
{
    public const string KeyTag = "cwk";
    public const string SessionTag = "cws";

    public static (string Key, string Prefix, string SecretHash) Generate(string tag = KeyTag)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{tag}_{prefix}_{secret}", prefix, Hash(secret));
    }

    /// <summary>Whether the text has the shape of a key or session token (rather than, say, a JWT).</summary>
    public static bool LooksLikeOne(string text) =>
        text.StartsWith(KeyTag + "_", StringComparison.Ordinal) || text.StartsWith(SessionTag + "_", StringComparison.Ordinal);

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key.Split('_', 3);
        if (parts.Length != 3 || parts[0] is not (KeyTag or SessionTag) || parts[1].Length != 12 || parts[2].Length < 20) return false;
        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
