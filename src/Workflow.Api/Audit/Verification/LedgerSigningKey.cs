using System.Buffers.Text;
using System.Security.Cryptography;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// The server's ECDSA P-256 key that signs ledger checkpoints: read from <c>Ledger:SigningKeyPath</c>
/// (PEM, PKCS#8), or from <c>ledger-signing-key.pem</c> in the data folder, created there (mode 600)
/// at the first start.
/// </summary>
public sealed class LedgerSigningKey : IDisposable
{
    public const string Algorithm = "ES256";
    public const string DefaultFileName = "ledger-signing-key.pem";

    private readonly ECDsa _key;

    public LedgerSigningKey(ECDsa key)
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

    /// <summary>Loads the key from <paramref name="path"/>, creating it there first when the file does not exist.</summary>
    public static LedgerSigningKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var pem = created.ExportPkcs8PrivateKeyPem();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var file = new FileStream(path, options);
                using var writer = new StreamWriter(file);
                writer.Write(pem);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it meanwhile: use theirs.
            }
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            if (key.KeySize != 256) throw new InvalidOperationException($"The ledger signing key {path} is not a P-256 key.");
            return new LedgerSigningKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose() => _key.Dispose();
}
