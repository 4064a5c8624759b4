using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>
/// The keys that authenticated lately, for a few seconds (Identity:KeyCacheSeconds, 5 by default): a client sends the
/// same key with every request, and looking it up was a tenth of a cheap request's time. A key revoked in the database
/// by another server is refused by this one within that time; one revoked through this server is forgotten at once
/// (<see cref="Forget"/>), and an expiry is checked on every request, cached or not. Only keys that matched are kept, under
/// the hash of the whole key, so a wrong secret never meets a cached row and unknown keys cannot fill the cache.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Beyond this many keys the cache starts over rather than grow.</summary>
    public const int Capacity = 10_000;

    /// <summary>The last-used time is written at most this often per key (and server): a write per request would cost more than the lookup saved.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public sealed record Holder(Guid Id, string Kind, string Principal, string? Owner, string Roles, bool CanActForOthers, DateTime? ExpiresAt);

    private readonly ConcurrentDictionary<string, (Holder Holder, DateTimeOffset Until)> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastUsedWritten = new();
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Identity:KeyCacheSeconds", 5.0));

    /// <summary>The key's holder, or null when the key is unknown, revoked, expired or its secret does not match.</summary>
    public async Task<Holder?> FindAsync(CampaignDbContext db, string prefix, string secret, CancellationToken cancellationToken)
    {
        var cacheKey = $"{prefix}:{ApiKeySecrets.Hash(secret)}";
        var now = clock.GetUtcNow();
        if (keys.TryGetValue(cacheKey, out var cached) && cached.Until > now)
            return Expired(cached.Holder, now) ? null : cached.Holder;

        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (row is null || row.RevokedAt is not null || !ApiKeySecrets.Matches(secret, row.SecretHash))
        {
            keys.TryRemove(cacheKey, out _);
            return null;
        }
        var holder = new Holder(row.Id, row.Kind, row.Principal, row.Owner, row.Roles, row.CanActForOthers, row.ExpiresAt);
        if (Expired(holder, now)) return null;
        if (lifetime > TimeSpan.Zero)
        {
            if (keys.Count >= Capacity) keys.Clear();
            keys[cacheKey] = (holder, now + lifetime);
        }
        return holder;
    }

    /// <summary>Forgets a key on this server at once (after a revocation or rotation here).</summary>
    public void Forget(string prefix)
    {
        foreach (var cacheKey in keys.Keys)
            if (cacheKey.StartsWith(prefix + ":", StringComparison.Ordinal)) keys.TryRemove(cacheKey, out _);
    }

    /// <summary>Records that the key was used, in the database at most once per <see cref="LastUsedResolution"/>.</summary>
    public async Task TouchAsync(CampaignDbContext db, Holder holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (lastUsedWritten.TryGetValue(holder.Id, out var written) && now - written < LastUsedResolution) return;
        lastUsedWritten[holder.Id] = now;
        if (lastUsedWritten.Count > Capacity) lastUsedWritten.Clear();
        var at = now.UtcDateTime;
        await db.ApiKeys.Where(k => k.Id == holder.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
    }

    private static bool Expired(Holder holder, DateTimeOffset now) => holder.ExpiresAt is { } expires && expires <= now.UtcDateTime;
}
