namespace SoftSkills.Data.Tests;

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("softskills-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }

    public static string RepoRoot { get; } = FindRoot();
    public static string Sample => System.IO.Path.Combine(RepoRoot, "data", "sample");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "SoftSkills.Research.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("SoftSkills.Research.sln not found");
    }
}
