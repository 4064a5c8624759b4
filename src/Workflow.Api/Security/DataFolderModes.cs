using Microsoft.Data.Sqlite;
using Workflow.Storage.Providers;

namespace Workflow.Api.Security;

/// <summary>
/// The embedded database and everything else in the data folder are the server's alone: the folder 0700 and its files
/// 0600 (SQLite creates its -wal and -shm files with the database file's mode, so they follow). On Windows the folder's
/// ACL is left to the installer.
/// </summary>
public static class DataFolderModes
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Restrict(string dataFolder, StorageOptions storage, ILogger logger)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            RestrictUnix(dataFolder, storage);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // A folder the server does not own (a mounted volume, say) keeps the modes its owner gave it.
            logger.LogWarning(e, "Could not make the data folder {Folder} the server's alone (0700, files 0600).", dataFolder);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void RestrictUnix(string dataFolder, StorageOptions storage)
    {
        if (Directory.Exists(dataFolder)) Restrict(dataFolder, recurse: true);
        // A SQLite file configured outside the data folder is the server's too.
        if (storage.Provider == DatabaseProvider.Sqlite && !string.IsNullOrWhiteSpace(storage.ConnectionString)
            && new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource is { Length: > 0 } file && File.Exists(file))
            foreach (var part in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
                File.SetUnixFileMode(part, FileMode);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Restrict(string folder, bool recurse)
    {
        File.SetUnixFileMode(folder, FolderMode);
        foreach (var file in Directory.EnumerateFiles(folder)) File.SetUnixFileMode(file, FileMode);
        if (recurse) foreach (var sub in Directory.EnumerateDirectories(folder)) Restrict(sub, recurse: true);
    }
}
