using SoftSkills.Notebooks;

namespace SoftSkills.Cli.Tests;

/// <summary>Every notebook in notebooks/ runs clean through the headless runner (one test per notebook).</summary>
[Collection("notebooks")]
public class NotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var nb in Directory.GetFiles(Path.Combine(Softskills.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            if (!nb.EndsWith(".executed.ipynb", StringComparison.Ordinal)) data.Add(Path.GetFileName(nb));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_clean(string name)
    {
        using var dir = new TempDir();
        var log = new StringWriter();
        var before = TempFolders();
        var result = await NotebookRunner.RunAsync(Path.Combine(Softskills.RepoRoot, "notebooks", name),
            new Dictionary<string, string>(), dir.File(name), log, CancellationToken.None);
        Assert.True(result.Succeeded, log.ToString());
        Assert.True(File.Exists(dir.File(name)));
        var text = File.ReadAllText(dir.File(name));
        Assert.DoesNotContain("\"output_type\": \"error\"", text);
        var charts = JupyterTests.Notebooks.Single(n => (string)n[0] == name)[1];
        Assert.True(text.Split("class=\\\"chart\\\"").Length - 1 >= (int)charts, $"{name}: fewer than {charts} charts");
        Assert.Empty(TempFolders().Except(before));   // the notebook deletes the folders it made
    }

    /// <summary>The notebooks' working folders (every notebook run is in this collection, one at a time).</summary>
    static string[] TempFolders() => Directory.GetDirectories(Path.GetTempPath(), "softskills-notebook-*");

    [Fact]
    public void A_failing_notebook_makes_the_command_exit_non_zero()
    {
        using var dir = new TempDir();
        var nb = dir.File("fail.ipynb");
        File.WriteAllText(nb, """
        {"cells":[{"cell_type":"code","execution_count":null,"metadata":{"dotnet_interactive":{"language":"csharp"}},"outputs":[],
        "source":["throw new System.InvalidOperationException(\"deliberate\");"]}],
        "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
        """);
        var r = Softskills.Run("notebook", "run", nb, "--out", dir.File("out.ipynb"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAILED", r.Stdout);
        Assert.Contains("deliberate", r.Stdout);
    }

    [Fact]
    public void Parameters_reach_the_notebook_and_an_unknown_one_is_bad_input()
    {
        using var dir = new TempDir();
        var nb = Path.Combine(Softskills.RepoRoot, "notebooks", "01-explore-data.ipynb");
        var ok = Softskills.Run("notebook", "run", nb, "--param", "minGroupSize=7", "--out", dir.File("o.ipynb"));
        Assert.True(ok.ExitCode == 0, ok.Stdout + ok.Stderr);
        Assert.Contains("fewer than 7 people", File.ReadAllText(dir.File("o.ipynb")));
        var bad = Softskills.Run("notebook", "run", nb, "--param", "nosuch=1", "--out", dir.File("o2.ipynb"));
        Assert.Equal(2, bad.ExitCode);
        Assert.False(File.Exists(dir.File("o2.ipynb")));
    }
}
