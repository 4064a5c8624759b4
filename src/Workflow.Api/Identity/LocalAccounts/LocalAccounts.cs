using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Storage;
using Workflow.Storage.Identity;

namespace Workflow.Api.Identity;

/// <summary>Local accounts: passwords checked with ASP.NET Core Identity's hasher, and the first admin made on the first start.</summary>
public sealed class LocalAccounts(CampaignDbContext db, IPasswordHasher<LocalUser> hasher, TimeProvider clock)
{
    /// <summary>The user whose password this is, or null (unknown user, wrong password or disabled account alike).</summary>
    public async Task<LocalUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await db.LocalUsers.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            // The same work as for a real user, so the answer's time does not tell which names exist.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || user.DisabledAt is not null) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }
        return user;
    }

    public async Task<LocalUser> CreateAsync(string userName, string displayName, string password, IEnumerable<string> roles, bool canActForOthers, CancellationToken cancellationToken)
    {
        var user = new LocalUser
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, PasswordHash = "", Roles = string.Join(',', roles),
            CanActForOthers = canActForOthers, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.LocalUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>A password for a new account: 20 characters from an alphabet without look-alikes (~115 bits).</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static readonly LocalUser DummyUser = new() { UserName = "", DisplayName = "", PasswordHash = "", Roles = "" };
    private static readonly string DummyHash = new PasswordHasher<LocalUser>().HashPassword(DummyUser, GeneratePassword());
}
