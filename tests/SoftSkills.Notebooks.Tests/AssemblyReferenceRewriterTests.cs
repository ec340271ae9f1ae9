namespace SoftSkills.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class AssemblyReferenceRewriterTests : IDisposable
{
    private readonly NotebookFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_SoftSkills_reference_points_at_the_runner_build_even_when_the_named_file_exists()
    {
        var (notebooks, build) = Folders();
        File.WriteAllText(Path.Combine(build, "SoftSkills.Reporting.dll"), "");
        Directory.CreateDirectory(Path.Combine(notebooks, "..", "engine", "SoftSkills.Cli", "bin", "Debug", "net10.0"));
        File.WriteAllText(Path.Combine(notebooks, "..", "engine", "SoftSkills.Cli", "bin", "Debug", "net10.0", "SoftSkills.Reporting.dll"), "");
        const string code = "#r \"../engine/SoftSkills.Cli/bin/Debug/net10.0/SoftSkills.Reporting.dll\"\nusing SoftSkills.Reporting;";

        var rewritten = AssemblyReferenceRewriter.Rewrite(code, build);

        Assert.Equal($"#r \"{Path.Combine(build, "SoftSkills.Reporting.dll")}\"\nusing SoftSkills.Reporting;", rewritten);
    }

    [Theory]
    [InlineData("#r \"../other/SoftSkills.Missing.dll\"")] // not in the runner's build either
    [InlineData("#r \"nuget:Plotly.NET, 6.0.0\"")]
    [InlineData("// #r \"../other/SoftSkills.Reporting.dll\"")]
    public void Other_lines_are_left_alone(string code)
    {
        var (notebooks, build) = Folders();
        Directory.CreateDirectory(Path.Combine(_files.Directory, "lib"));
        File.WriteAllText(Path.Combine(_files.Directory, "lib", "SoftSkills.Reporting.dll"), "");
        File.WriteAllText(Path.Combine(build, "SoftSkills.Reporting.dll"), "");
        File.WriteAllText(Path.Combine(build, "Other.Reporting.dll"), "");

        Assert.Equal(code, AssemblyReferenceRewriter.Rewrite(code, build));
    }

    private (string Notebooks, string Build) Folders() => (
        Directory.CreateDirectory(Path.Combine(_files.Directory, "notebooks")).FullName,
        Directory.CreateDirectory(Path.Combine(_files.Directory, "build")).FullName);
}
