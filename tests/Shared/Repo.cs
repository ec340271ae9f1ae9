namespace SoftSkills.Tests;

/// <summary>The repository's root folder, found from a test's output directory (shared by every test project).</summary>
static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path under <c>data/</c>.</summary>
    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SoftSkills.Research.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("SoftSkills.Research.sln not found above the test directory");
    }
}
