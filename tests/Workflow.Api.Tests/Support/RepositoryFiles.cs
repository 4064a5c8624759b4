namespace Workflow.Api.Tests.Support;

/// <summary>Files of the checkout the tests run in (found upwards from the test assembly, by Workflow.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Workflow.sln not found above {AppContext.BaseDirectory}");
    }
}
