namespace Workflow.Storage.Identity;

/// <summary>
/// An API key, stored as the SHA-256 of its secret (keys are long random strings, so a slow hash
/// adds nothing), bound to a principal and roles. A local account's sign-in session is a row here too
/// (<see cref="Kind"/> = session): the same lookup, cache, expiry and revocation hold for both.
/// </summary>
public sealed class ApiKey
{
    public const string KindKey = "key";
    public const string KindSession = "session";

    public Guid Id { get; set; }

    /// <summary>The key's public prefix, to find the row without scanning.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }
    public required string Principal { get; set; }

    /// <summary>Comma-separated: admin, operator, participant, auditor.</summary>
    public required string Roles { get; set; }

    /// <summary>Whether requests with this key may name someone they act on behalf of.</summary>
    public bool CanActForOthers { get; set; }

    /// <summary><see cref="KindKey"/> for a service account's key, <see cref="KindSession"/> for a local sign-in.</summary>
    public string Kind { get; set; } = KindKey;

    /// <summary>The person answerable for the key (a service account's owner), or the user a session belongs to.</summary>
    public string? Owner { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>From this time on the key is refused; null: it never expires.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When the key last authenticated, to the minute (written at most once a minute per key and server).</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>The key that replaced this one in a rotation.</summary>
    public Guid? ReplacedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}
