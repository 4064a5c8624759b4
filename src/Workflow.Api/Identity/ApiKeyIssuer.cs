using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>Creates API keys and sign-in sessions; the secret is returned once and only its hash is stored.</summary>
public sealed class ApiKeyIssuer(CampaignDbContext db, TimeProvider clock)
{
    public async Task<string> IssueAsync(string principal, IEnumerable<string> roles, bool canActForOthers, CancellationToken cancellationToken) =>
        (await IssueAsync(new KeyRequest(principal, [.. roles], canActForOthers), cancellationToken)).Key;

    /// <summary>What a new key is: its holder, roles, owner, expiry and kind.</summary>
    public sealed record KeyRequest(
        string Principal, IReadOnlyList<string> Roles, bool CanActForOthers, string? Owner = null, DateTime? ExpiresAt = null, string Kind = ApiKey.KindKey);

    /// <summary>Adds the key to the context without saving, so a rotation can save it with the old key's change.</summary>
    public (string Key, ApiKey Row) Add(KeyRequest request)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate(request.Kind == ApiKey.KindSession ? ApiKeySecrets.SessionTag : ApiKeySecrets.KeyTag);
        var row = new ApiKey
        {
            Id = Guid.NewGuid(),
            Prefix = prefix,
            SecretHash = hash,
            Principal = request.Principal,
            Roles = string.Join(',', request.Roles),
            CanActForOthers = request.CanActForOthers,
            Kind = request.Kind,
            Owner = request.Owner,
            ExpiresAt = request.ExpiresAt,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(row);
        return (key, row);
    }

    public async Task<(string Key, ApiKey Row)> IssueAsync(KeyRequest request, CancellationToken cancellationToken)
    {
        var issued = Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }
}
