namespace SoftSkills.Data.Tests;

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("softskills-test-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }

    public static string RepoRoot => Repo.Root;
    public static string Sample => System.IO.Path.Combine(RepoRoot, "data", "sample");
}
