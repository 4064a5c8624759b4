using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>The embedded database's folder and files are the server's alone once it has started (was: the database 0644).</summary>
public sealed class DataFolderModeTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task TheDataFolder_Is0700_AndItsFiles0600()
    {
        if (OperatingSystem.IsWindows()) return; // the modes are Unix ones; the suite runs on Linux
        var client = await api.AdminAsync();
        await CampaignSteps.StartedAsync(client); // writes, so the WAL and shared-memory files exist too
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(api.DataFolder));
        var files = Directory.GetFiles(api.DataFolder);
        Assert.Contains(files, f => f.EndsWith("campaigns.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("campaigns.db-wal", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file}: {File.GetUnixFileMode(file)}");
    }
}
