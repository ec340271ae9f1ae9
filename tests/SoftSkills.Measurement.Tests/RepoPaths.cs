namespace SoftSkills.Measurement.Tests;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "data", "sample");
    public static string Rubrics => Path.Combine(Root, "data", "rubrics");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SoftSkills.Research.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("SoftSkills.Research.sln not found above the test directory");
    }
}
