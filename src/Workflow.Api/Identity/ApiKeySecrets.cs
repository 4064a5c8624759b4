using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Identity;

/// <summary>
/// API keys look like <c>cwk_{prefix}_{secret}</c>: the prefix finds the row, the secret is
/// compared by its SHA-256. Keys are 256-bit random, so a fast hash is enough.
/// </summary>
public static class ApiKeySecrets
{
    public static (string Key, string Prefix, string SecretHash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"cwk_{prefix}_{secret}", prefix, Hash(secret));
    }

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "cwk" || parts[1].Length != 12 || parts[2].Length < 20) return false;
        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
