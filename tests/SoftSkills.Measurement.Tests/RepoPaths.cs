namespace SoftSkills.Measurement.Tests;

/// <summary>Finds folders of the repository from a test's output directory.</summary>
static class RepoPaths
{
    public static string Root => Repo.Root;

    public static string Sample => Path.Combine(Root, "data", "sample");
    public static string Rubrics => Path.Combine(Root, "data", "rubrics");
}
