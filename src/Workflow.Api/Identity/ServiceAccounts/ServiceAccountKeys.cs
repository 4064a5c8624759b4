using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>Identity:Keys: how service accounts' keys behave.</summary>
public sealed class KeyOptions
{
    public const string Section = "Identity:Keys";

    /// <summary>After a rotation the old secret keeps working this long unless the rotation asks otherwise (0: revoked at once).</summary>
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>Rotation and revocation of service accounts' keys; each takes effect on this server at once.</summary>
public sealed class ServiceAccountKeys(CampaignDbContext db, ApiKeyIssuer issuer, ApiKeyCache cache, TimeProvider clock, IOptions<KeyOptions> options)
{
    /// <summary>A new secret for the key's holder; the old one stays valid for the grace (or the configured one), or stops now with zero.</summary>
    public async Task<(string Key, ApiKey Row, ApiKey Old)?> RotateAsync(Guid id, TimeSpan? grace, CancellationToken cancellationToken)
    {
        var old = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.Kind == ApiKey.KindKey, cancellationToken);
        if (old is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var (key, row) = issuer.Add(new ApiKeyIssuer.KeyRequest(
            old.Principal, old.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), old.CanActForOthers, old.Owner, old.ExpiresAt));
        old.ReplacedBy = row.Id;
        var wait = grace ?? options.Value.RotationGrace;
        if (wait <= TimeSpan.Zero) old.RevokedAt ??= now;
        else if (old.ExpiresAt is not { } expires || expires > now + wait) old.ExpiresAt = now + wait;
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(old.Prefix);
        return (key, row, old);
    }

    /// <summary>Revokes the key (a second revocation keeps the first time); null when there is no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.Kind == kind, cancellationToken);
        if (row is null) return null;
        row.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(row.Prefix);
        return row;
    }
}
