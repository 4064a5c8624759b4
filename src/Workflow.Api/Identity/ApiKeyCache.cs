using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <summary>
/// The keys that authenticated lately, for a few seconds (Identity:KeyCacheSeconds, 5 by default): a client sends the
/// same key with every request, and looking it up was a tenth of a cheap request's time. A key revoked in the database
/// is refused by every server within that time. Only keys that matched are kept, under the hash of the whole key, so a
/// wrong secret never meets a cached row and unknown keys cannot fill the cache.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Beyond this many keys the cache starts over rather than grow.</summary>
    public const int Capacity = 10_000;

    public sealed record Holder(string Principal, string Roles, bool CanActForOthers);

    private readonly ConcurrentDictionary<string, (Holder Holder, DateTimeOffset Until)> keys = new(StringComparer.Ordinal);
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(configuration.GetValue("Identity:KeyCacheSeconds", 5.0));

    /// <summary>The key's holder, or null when the key is unknown, revoked or its secret does not match.</summary>
    public async Task<Holder?> FindAsync(CampaignDbContext db, string prefix, string secret, CancellationToken cancellationToken)
    {
        var cacheKey = $"{prefix}:{ApiKeySecrets.Hash(secret)}";
        var now = clock.GetUtcNow();
        if (keys.TryGetValue(cacheKey, out var cached) && cached.Until > now) return cached.Holder;

        var row = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (row is null || row.RevokedAt is not null || !ApiKeySecrets.Matches(secret, row.SecretHash))
        {
            keys.TryRemove(cacheKey, out _);
            return null;
        }
        var holder = new Holder(row.Principal, row.Roles, row.CanActForOthers);
        if (lifetime > TimeSpan.Zero)
        {
            if (keys.Count >= Capacity) keys.Clear();
            keys[cacheKey] = (holder, now + lifetime);
        }
        return holder;
    }
}
