using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Providers;
using Workflow.Storage.Signing;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// The ledger's signing keys, in the database (table <c>signing_keys</c>) and shared by every server:
/// each has an id (kid, the SHA-256 of its public key), exactly one is current and signs new
/// checkpoints, retired ones still verify theirs. Private keys are stored encrypted with ASP.NET Core
/// Data Protection, whose own keys are in the same database (<c>data_protection_keys</c>), so any
/// server decrypts what another encrypted. A key never changes, so keys are cached by kid; which key
/// is current is read from the database for each signature, so a rotation counts on every server at once.
/// </summary>
public sealed class SigningKeyRing(IDataProtectionProvider protection, TimeProvider clock, ILogger<SigningKeyRing> logger)
{
    public const string Generated = "generated";
    public const string Imported = "imported";

    private readonly IDataProtector _protector = protection.CreateProtector("Workflow.Ledger.SigningKey.v1");
    private readonly ConcurrentDictionary<string, LedgerSigningKey> _signing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LedgerSigningKey> _public = new(StringComparer.Ordinal);

    /// <summary>
    /// At start-up: the first start makes the first key, or imports <paramref name="legacyPemPath"/> (an
    /// earlier version's key file) as the current key; a legacy file whose key the ring lacks is imported
    /// retired, so checkpoints it signed keep verifying. Racing servers meet at the kid and the unique
    /// current key; the loser reads the winner's.
    /// </summary>
    public async Task EnsureAsync(CampaignDbContext db, string? legacyPemPath, CancellationToken cancellationToken)
    {
        using var legacy = legacyPemPath is not null && File.Exists(legacyPemPath) ? LedgerSigningKey.ReadPemFile(legacyPemPath) : null;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                var hasCurrent = await db.SigningKeys.AnyAsync(k => k.Current == true, cancellationToken);
                if (legacy is not null && !await db.SigningKeys.AnyAsync(k => k.Kid == legacy.KeyId, cancellationToken))
                {
                    db.SigningKeys.Add(Row(legacy, Imported, current: !hasCurrent));
                    await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Imported the ledger signing key {Kid} from {Path} into the key ring as {State}.",
                        legacy.KeyId, legacyPemPath, hasCurrent ? "retired" : "current");
                }
                else if (!hasCurrent)
                {
                    using var created = LedgerSigningKey.Generate();
                    db.SigningKeys.Add(Row(created, Generated, current: true));
                    await db.SaveChangesAsync(cancellationToken);
                    logger.LogInformation("Created the ledger signing key {Kid}, the key ring's first.", created.KeyId);
                }
                return;
            }
            catch (Exception exception) when (WriteConflicts.IsConflict(exception) && attempt < 5)
            {
                // Another server made or imported a key meanwhile: look again.
            }
        }
    }

    /// <summary>Makes a new current key and retires the one before; returns the new kid. Checkpoints already signed stay valid.</summary>
    public async Task<string> RotateAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        using var created = LedgerSigningKey.Generate();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = UtcTime.Truncate(clock.GetUtcNow());
            await db.SigningKeys.Where(k => k.Current == true)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.Current, (bool?)null).SetProperty(k => k.RetiredAt, (DateTime?)now), token);
            db.SigningKeys.Add(Row(created, Generated, current: true));
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
        logger.LogInformation("Rotated the ledger signing key: {Kid} is now current.", created.KeyId);
        return created.KeyId;
    }

    /// <summary>The current key, with its private key, to sign with.</summary>
    public async Task<LedgerSigningKey> CurrentAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var kid = await db.SigningKeys.AsNoTracking().Where(k => k.Current == true).Select(k => k.Kid).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new InvalidOperationException("The signing key ring has no current key; the start-up makes one.");
        if (_signing.TryGetValue(kid, out var cached)) return cached;
        var row = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Kid == kid, cancellationToken);
        LedgerSigningKey key;
        try
        {
            key = LedgerSigningKey.FromPkcs8(_protector.Unprotect(Base64Url.DecodeFromChars(row.ProtectedPrivateKey)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            throw new SigningKeyUnavailable(kid, exception.Message);
        }
        if (key.KeyId != kid)
        {
            key.Dispose();
            throw new SigningKeyUnavailable(kid, "it decrypts to another key");
        }
        return Keep(_signing, key);
    }

    /// <summary>The current key's id, without decrypting it.</summary>
    public Task<string?> CurrentKidAsync(CampaignDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().Where(k => k.Current == true).Select(k => k.Kid).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The public key with that kid, current or retired; null when the ring has none.</summary>
    public async Task<LedgerSigningKey?> FindAsync(CampaignDbContext db, string kid, CancellationToken cancellationToken)
    {
        if (_public.TryGetValue(kid, out var cached)) return cached;
        if (kid.Length != SigningKey.KidLength) return null;
        var pem = await db.SigningKeys.AsNoTracking().Where(k => k.Kid == kid).Select(k => k.PublicKeyPem).SingleOrDefaultAsync(cancellationToken);
        return pem is null ? null : Keep(_public, LedgerSigningKey.FromPublicPem(pem));
    }

    /// <summary>Caches the key under its kid; a key another request cached first wins, and ours is disposed.</summary>
    private static LedgerSigningKey Keep(ConcurrentDictionary<string, LedgerSigningKey> cache, LedgerSigningKey key)
    {
        var kept = cache.GetOrAdd(key.KeyId, key);
        if (!ReferenceEquals(kept, key)) key.Dispose();
        return kept;
    }

    /// <summary>Every key's public part, oldest first, with whether it is current: the JWKS.</summary>
    public async Task<IReadOnlyList<(LedgerSigningKey Key, SigningKey Row)>> AllAsync(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.Kid).ToListAsync(cancellationToken);
        var keys = new List<(LedgerSigningKey, SigningKey)>(rows.Count);
        foreach (var row in rows) keys.Add(((await FindAsync(db, row.Kid, cancellationToken))!, row));
        return keys;
    }

    private SigningKey Row(LedgerSigningKey key, string origin, bool current)
    {
        var now = UtcTime.Truncate(clock.GetUtcNow());
        return new SigningKey
        {
            Kid = key.KeyId, Algorithm = LedgerSigningKey.Algorithm, PublicKeyPem = key.PublicKeyPem,
            ProtectedPrivateKey = Base64Url.EncodeToString(_protector.Protect(key.ExportPkcs8())),
            Origin = origin, CreatedAt = now, ActivatedAt = current ? now : null, RetiredAt = current ? null : now, Current = current ? true : null,
        };
    }
}

/// <summary>The current key's private key does not decrypt here: checkpoints cannot be signed (503), verification goes on.</summary>
public sealed class SigningKeyUnavailable(string kid, string reason)
    : Exception($"the current ledger signing key {kid} cannot be decrypted: {reason}")
{
    public string Kid { get; } = kid;
}
