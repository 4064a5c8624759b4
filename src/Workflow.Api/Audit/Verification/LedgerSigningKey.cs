using System.Buffers.Text;
using System.Security.Cryptography;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// One ECDSA P-256 key of the signing key ring (<see cref="SigningKeyRing"/>): with its private key
/// when it signs, public only when it verifies. Earlier versions kept one such key per server in
/// <c>ledger-signing-key.pem</c>; the ring imports that file.
/// </summary>
public sealed class LedgerSigningKey : IDisposable
{
    public const string Algorithm = "ES256";
    public const string DefaultFileName = "ledger-signing-key.pem";

    private readonly ECDsa _key;

    private LedgerSigningKey(ECDsa key)
    {
        _key = key;
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(SubjectPublicKeyInfo));
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        var parameters = key.ExportParameters(includePrivateParameters: false);
        X = Base64Url.EncodeToString(parameters.Q.X);
        Y = Base64Url.EncodeToString(parameters.Q.Y);
    }

    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>The public point's coordinates, base64url, as a JWK carries them.</summary>
    public string X { get; }

    public string Y { get; }

    /// <summary>ECDSA with SHA-256 over the bytes, in IEEE P1363 form (r ‖ s, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool HasPrivateKey { get; init; }

    /// <summary>A new P-256 key.</summary>
    public static LedgerSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { HasPrivateKey = true };

    /// <summary>A private key from its PKCS#8 bytes (as the ring decrypts it).</summary>
    public static LedgerSigningKey FromPkcs8(byte[] pkcs8) => Checked(key => key.ImportPkcs8PrivateKey(pkcs8, out _), "the key ring's key", true);

    /// <summary>A public key only (for verification), from SubjectPublicKeyInfo PEM.</summary>
    public static LedgerSigningKey FromPublicPem(string pem) => Checked(key => key.ImportFromPem(pem), "the public key", false);

    /// <summary>An earlier version's key file (PKCS#8 PEM), to import into the ring.</summary>
    public static LedgerSigningKey ReadPemFile(string path) => Checked(key => key.ImportFromPem(File.ReadAllText(path)), path, true);

    public byte[] ExportPkcs8() => _key.ExportPkcs8PrivateKey();

    private static LedgerSigningKey Checked(Action<ECDsa> import, string what, bool hasPrivateKey)
    {
        var key = ECDsa.Create();
        try
        {
            import(key);
            if (key.KeySize != 256) throw new InvalidOperationException($"The ledger signing key {what} is not a P-256 key.");
            return new LedgerSigningKey(key) { HasPrivateKey = hasPrivateKey };
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose() => _key.Dispose();
}
