using System.Security.Cryptography;
using Workflow.Api.Audit.Verification;

namespace Workflow.Api.Tests.Audit.Verification;

public sealed class LedgerSigningKeyTests
{
    [Fact]
    public void TheKey_IsCreatedOnce_OnlyReadableByItsOwner_AndReadBackTheSame()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-key-").FullName;
        try
        {
            var path = Path.Combine(folder, "keys", LedgerSigningKey.DefaultFileName);
            string keyId;
            using (var created = LedgerSigningKey.LoadOrCreate(path)) keyId = created.KeyId;
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(path));

            using var again = LedgerSigningKey.LoadOrCreate(path);
            Assert.Equal(keyId, again.KeyId);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(again.SubjectPublicKeyInfo)), keyId);
            var signature = again.Sign("checkpoint"u8);
            Assert.Equal(64, signature.Length);
            Assert.True(again.Verify("checkpoint"u8, signature));
            Assert.False(again.Verify("checkpoinT"u8, signature));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AKeyOnAnotherCurve_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-key-").FullName;
        try
        {
            var path = Path.Combine(folder, "p384.pem");
            using (var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384)) File.WriteAllText(path, p384.ExportPkcs8PrivateKeyPem());
            Assert.Throws<InvalidOperationException>(() => LedgerSigningKey.LoadOrCreate(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
