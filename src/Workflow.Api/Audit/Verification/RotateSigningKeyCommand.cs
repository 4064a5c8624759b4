using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// <c>rotate-signing-key</c>: on the configured database (migrated first), makes a new current key of
/// the ledger's signing key ring and retires the one before; prints the new kid alone on standard
/// output and exits. Running servers sign with it from their next checkpoint on.
/// </summary>
public static class RotateSigningKeyCommand
{
    public const string Name = "rotate-signing-key";

    /// <summary>True when the arguments start with the command; <paramref name="hostArgs"/> are the rest, for the host's configuration.</summary>
    public static bool Parse(string[] args, out string[] hostArgs)
    {
        var isCommand = args.Length > 0 && args[0] == Name;
        hostArgs = isCommand ? args[1..] : args;
        return isCommand;
    }

    /// <summary>Exit code 0 with the new kid on standard output; 1 with a one-line reason on standard error.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            // A ring that does not exist yet gets its first key (or the earlier key file) before it rotates.
            await VerificationEndpoints.EnsureSigningKeyRingAsync(services, cancellationToken);
            var kid = await scope.ServiceProvider.GetRequiredService<SigningKeyRing>().RotateAsync(db, cancellationToken);
            await Console.Out.WriteLineAsync(kid);
            return 0;
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"{Name}: the key was not rotated: {exception.GetBaseException().Message}");
            return 1;
        }
    }
}
