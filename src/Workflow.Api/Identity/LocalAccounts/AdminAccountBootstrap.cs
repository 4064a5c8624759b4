using Microsoft.EntityFrameworkCore;
using Workflow.Storage;

namespace Workflow.Api.Identity;

/// <summary>
/// With no OpenID Connect provider, the first start makes the local admin account, so a person can sign in to the web app.
/// Its password is printed once on the console and written to <c>admin-password.txt</c> in the data folder (0600, as the
/// folder's other files) — never to the log, which may be shipped elsewhere.
/// </summary>
public sealed class AdminAccountBootstrap(CampaignDbContext db, LocalAccounts accounts, OidcOptions oidc)
{
    public const string UserName = "admin";
    public const string PasswordFile = "admin-password.txt";

    public async Task EnsureAsync(string dataFolder, CancellationToken cancellationToken)
    {
        if (oidc.Enabled || await db.LocalUsers.AnyAsync(cancellationToken)) return;
        var password = LocalAccounts.GeneratePassword();
        await accounts.CreateAsync(UserName, "Administrator", password, Roles.All, canActForOthers: true, cancellationToken);
        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, PasswordFile);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(file, System.Text.Encoding.UTF8, options))
            await writer.WriteLineAsync(password.AsMemory(), cancellationToken);
        Console.WriteLine();
        Console.WriteLine("=================================================================");
        Console.WriteLine($" First start: the local account '{UserName}' was created.");
        Console.WriteLine($" Password: {password}");
        Console.WriteLine($" (also in {file}; change it or delete the file once noted)");
        Console.WriteLine("=================================================================");
        Console.WriteLine();
    }
}
