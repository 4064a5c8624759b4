using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>Creates API keys; the secret is returned once and only its hash is stored.</summary>
public sealed class ApiKeyIssuer(CampaignDbContext db, TimeProvider clock)
{
    public async Task<string> IssueAsync(string principal, IEnumerable<string> roles, bool canActForOthers, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            Prefix = prefix,
            SecretHash = hash,
            Principal = principal,
            Roles = string.Join(',', roles),
            CanActForOthers = canActForOthers,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
