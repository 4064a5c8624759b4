using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>
/// <c>create-key</c>, the way to the first key on SQL Server and PostgreSQL: the real program is
/// started as a separate process on the test host's database, and the key it prints then works.
/// </summary>
public abstract class CreateKeyCommandTests(ApiFactory api)
{
    /// <summary>Runs the API program (the build the tests reference) with arguments; returns exit code, stdout and stderr.</summary>
    internal static Task<(int ExitCode, string Output, string Error)> RunProgramAsync(IEnumerable<string> arguments) =>
        ApiProcess.RunAsync(new Dictionary<string, string?>(), arguments);

    [Fact]
    public async Task CreateKey_PrintsOnlyTheKey_AndTheKeyWorksWithItsRoles()
    {
        var (exitCode, output, error) = await RunProgramAsync(
            ["create-key", "--principal", "integration-bot", "--roles", "operator,participant", .. api.StorageArguments]);
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var key = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches("^cwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);

        var stored = await api.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Principal == "integration-bot"));
        Assert.Equal("operator,participant", stored.Roles);
        Assert.False(stored.CanActForOthers);
        Assert.NotEqual(key, stored.SecretHash); // only the hash is kept

        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var created = await client.PostJsonAsync("/api/v1/campaigns", SeedData.NewCampaign("create-key campaign", "create-key-org"));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("integration-bot", created.Json.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task CreateKey_WithOwnerAndExpiry_StoresThem_AndAnExpiryInThePastOrUnreadableIsRefused()
    {
        var (exitCode, _, error) = await RunProgramAsync(
            ["create-key", "--principal", "reporting-bot", "--roles", "auditor", "--owner", "wang.fang", "--expires", "2099-06-30T00:00:00Z", .. api.StorageArguments]);
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var stored = await api.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Principal == "reporting-bot"));
        Assert.Equal(("wang.fang", new DateTime(2099, 6, 30, 0, 0, 0, DateTimeKind.Utc)), (stored.Owner, stored.ExpiresAt));

        (exitCode, _, error) = await RunProgramAsync(["create-key", "--principal", "ninety-bot", "--roles", "auditor", "--expires", "90d", .. api.StorageArguments]);
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var ninety = await api.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Principal == "ninety-bot"));
        Assert.InRange(ninety.ExpiresAt!.Value, DateTime.UtcNow.AddDays(90).AddMinutes(-5), DateTime.UtcNow.AddDays(90));

        var before = await api.DbAsync(db => db.ApiKeys.CountAsync());
        (exitCode, _, error) = await RunProgramAsync(["create-key", "--principal", "late-bot", "--roles", "auditor", "--expires", "2030-01-01", .. api.StorageArguments]);
        Assert.Equal(2, exitCode);
        Assert.Contains("--expires '2030-01-01'", error);
        (exitCode, _, error) = await RunProgramAsync(["create-key", "--principal", "late-bot", "--roles", "auditor", "--expires", "2001-01-01T00:00:00Z", .. api.StorageArguments]);
        Assert.Equal(1, exitCode);
        Assert.Contains("has already passed", error);
        Assert.Equal(before, await api.DbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task CreateKey_WithBadArguments_ExitsWithUsage_AndWritesNothing()
    {
        var before = await api.DbAsync(db => db.ApiKeys.CountAsync());
        var (exitCode, output, error) = await RunProgramAsync(["create-key", "--principal", "someone", "--roles", "wizard", .. api.StorageArguments]);
        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("unknown role(s): wizard", error);
        Assert.Contains("usage: create-key", error);
        Assert.Equal(before, await api.DbAsync(db => db.ApiKeys.CountAsync()));
    }
}

public sealed class CreateKeyCommandOnSqlite(SqliteApiFactory api) : CreateKeyCommandTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class CreateKeyCommandOnPostgres(PostgresApiFactory api) : CreateKeyCommandTests(api), IClassFixture<PostgresApiFactory>;

/// <summary>A database that cannot be reached: a short message and exit code 1, no stack trace, nothing on standard output.</summary>
public sealed class CreateKeyWithoutADatabaseTests
{
    [Fact]
    public async Task CreateKey_WhenTheDatabaseDoesNotAnswer_ExitsWithOne()
    {
        var (exitCode, output, error) = await CreateKeyCommandTests.RunProgramAsync(
        [
            "create-key", "--principal", "admin", "--roles", "admin",
            "--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3",
        ]);
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("create-key: no key was created:", error.Trim());
        Assert.DoesNotContain("   at ", error);
    }
}

/// <summary>How the program tells the admin command from a normal start.</summary>
public sealed class CreateKeyArgumentTests
{
    [Fact]
    public void NormalStart_IsNotACommand_AndKeepsEveryArgument()
    {
        string[] args = ["--urls", "http://localhost:5080", "--Storage:Provider=Sqlite"];
        Assert.Null(CreateKeyCommand.Parse(args, out var hostArgs));
        Assert.Equal(args, hostArgs);
        Assert.Null(CreateKeyCommand.Parse([], out _));
    }

    [Fact]
    public void CreateKey_TakesItsOptions_AndLeavesTheRestToTheHost()
    {
        var parsed = CreateKeyCommand.Parse(
            ["create-key", "--Storage:Provider=PostgreSql", "--principal", "ops", "--roles", "Admin, auditor", "--act-for-others"], out var hostArgs);
        Assert.NotNull(parsed);
        Assert.Null(parsed.Error);
        var command = parsed.Command!;
        Assert.Equal(("ops", true), (command.Principal, command.CanActForOthers));
        Assert.Equal(["admin", "auditor"], command.Roles);
        Assert.Equal(["--Storage:Provider=PostgreSql"], hostArgs);
    }

    [Theory]
    [InlineData("--roles admin", "--principal is required.")]
    [InlineData("--principal ops", "--roles is required.")]
    [InlineData("--principal ops --roles admin,root", "unknown role(s): root; use admin, operator, participant, auditor.")]
    [InlineData("--roles admin --principal", "--principal needs a value.")]
    public void CreateKey_RefusesIncompleteOptions(string options, string error)
    {
        var parsed = CreateKeyCommand.Parse(["create-key", .. options.Split(' ')], out _);
        Assert.NotNull(parsed);
        Assert.Null(parsed.Command);
        Assert.Equal(error, parsed.Error);
    }
}
