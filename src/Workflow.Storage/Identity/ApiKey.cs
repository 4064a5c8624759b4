namespace Workflow.Storage.Identity;

/// <summary>
/// An API key, stored as the SHA-256 of its secret (keys are long random strings, so a slow hash
/// adds nothing), bound to a principal and roles.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    /// <summary>The key's public prefix, to find the row without scanning.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }
    public required string Principal { get; set; }

    /// <summary>Comma-separated: admin, operator, participant, auditor.</summary>
    public required string Roles { get; set; }

    /// <summary>Whether requests with this key may name someone they act on behalf of.</summary>
    public bool CanActForOthers { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
