using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <summary>On the embedded default, the first start creates an admin key and prints it once, so a fresh install can be used at all.</summary>
public sealed class AdminKeyBootstrap(CampaignDbContext db, ApiKeyIssuer issuer, ILogger<AdminKeyBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.ApiKeys.AnyAsync(cancellationToken)) return;
        var key = await issuer.IssueAsync("admin", Roles.All, canActForOthers: true, cancellationToken);
        // Printed once on purpose: it is stored only as a hash and cannot be shown again.
        Console.WriteLine();
        Console.WriteLine("=================================================================");
        Console.WriteLine(" First start: an admin API key was created. It is shown only now.");
        Console.WriteLine($" X-Api-Key: {key}");
        Console.WriteLine("=================================================================");
        Console.WriteLine();
        logger.LogWarning("Created the first admin API key (printed to the console once).");
    }
}
