using System.Security.Cryptography;
using Workflow.Api.Audit.Verification;

namespace Workflow.Api.Tests.Audit.Verification;

public sealed class LedgerSigningKeyTests
{
    [Fact]
    public void AKey_SignsInP1363Form_AndItsPublicPartAloneVerifies_UnderTheSameKid()
    {
        using var key = LedgerSigningKey.Generate();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.SubjectPublicKeyInfo)), key.KeyId);
        var signature = key.Sign("checkpoint"u8);
        Assert.Equal(64, signature.Length);
        using var verifier = LedgerSigningKey.FromPublicPem(key.PublicKeyPem);
        Assert.False(verifier.HasPrivateKey);
        Assert.Equal(key.KeyId, verifier.KeyId);
        Assert.True(verifier.Verify("checkpoint"u8, signature));
        Assert.False(verifier.Verify("checkpoinT"u8, signature));
        using var again = LedgerSigningKey.FromPkcs8(key.ExportPkcs8());
        Assert.Equal(key.KeyId, again.KeyId);
    }

    [Fact]
    public void AnEarlierKeyFileOnAnotherCurve_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("ledger-key-").FullName;
        try
        {
            var path = Path.Combine(folder, "p384.pem");
            using (var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384)) File.WriteAllText(path, p384.ExportPkcs8PrivateKeyPem());
            Assert.Throws<InvalidOperationException>(() => LedgerSigningKey.ReadPemFile(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
