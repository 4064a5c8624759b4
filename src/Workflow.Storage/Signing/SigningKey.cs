namespace Workflow.Storage.Signing;

/// <summary>
/// One key of the ledger's signing key ring, shared by every server: ECDSA P-256 (ES256). Exactly one
/// key is current (<see cref="Current"/> true, a unique index); the others are retired and still verify
/// the checkpoints they signed.
/// </summary>
public sealed class SigningKey
{
    public const int KidLength = 64;

    /// <summary>Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo: the key id checkpoints carry.</summary>
    public required string Kid { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>The public key, PEM (SubjectPublicKeyInfo).</summary>
    public required string PublicKeyPem { get; set; }

    /// <summary>The PKCS#8 private key, encrypted with ASP.NET Core Data Protection (base64url); never stored in the clear.</summary>
    public required string ProtectedPrivateKey { get; set; }

    /// <summary>"generated" by the ring, or "imported" from an earlier version's PEM file.</summary>
    public required string Origin { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ActivatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }

    /// <summary>True for the current key, null for every other: the unique index allows one true.</summary>
    public bool? Current { get; set; }
}
