using System.Diagnostics;

namespace SoftSkills.Cli.Tests;

/// <summary>
/// Every notebook as a researcher runs it: in Jupyter with the .NET Interactive kernel (Debian's jupyter-nbconvert and
/// python3-ipykernel, the kernel from the repository's tool manifest), through `jupyter nbconvert --execute`. A notebook
/// with an error output, or without its charts, fails. Skips without Jupyter or the kernel, except under CI=true.
/// </summary>
[Collection("notebooks")]
public class JupyterTests
{
    const string Jupyter = "/usr/bin/jupyter";

    /// <summary>Charts each notebook draws (at least; EPITOME adds one to 02 when present).</summary>
    public static TheoryData<string, int> Notebooks => new()
    {
        { "01-explore-data.ipynb", 2 }, { "02-empathy-calibration.ipynb", 1 }, { "03-rubric-validation.ipynb", 1 },
        { "04-bias-analysis.ipynb", 2 }, { "05-roi-breakeven.ipynb", 3 }, { "06-pilot-simulation.ipynb", 3 }, { "07-digital-twin.ipynb", 4 },
    };

    static (int Code, string Out) Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(15))) { p.Kill(true); return (-1, "timed out"); }
        return (p.ExitCode, output.Result + error.Result);
    }

    static void RequireKernel()
    {
        Requires.ProgramFile(Jupyter, "apt-get install jupyter-nbconvert python3-ipykernel jupyter-client");
        var (code, specs) = Run(Jupyter, Repo.Root, "kernelspec", "list");
        Requires.Program(code == 0 && specs.Contains(".net-csharp", StringComparison.Ordinal),
            "the .NET Interactive kernel is not installed for Jupyter (dotnet tool restore && dotnet interactive jupyter install)");
    }

    [SkippableTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_clean_in_jupyter_with_its_charts(string name, int charts)
    {
        RequireKernel();
        using var dir = new TempDir();
        var output = dir.File(name);
        var (code, log) = Run(Jupyter, Path.Combine(Repo.Root, "notebooks"), "nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.kernel_name=.net-csharp", "--output", output, name);
        Assert.True(code == 0, log);
        var text = File.ReadAllText(output);
        Assert.DoesNotContain("\"output_type\": \"error\"", text);
        Assert.True(Occurrences(text, "class=\\\"chart\\\"") >= charts, $"{name}: fewer than {charts} charts in the outputs");
        Assert.Equal(1, Occurrences(text, "plotly.js v2.28.0")); // inlined once, never fetched
        Assert.DoesNotContain("cdn.plot.ly/plotly-", text); // a script tag loading plotly.js from its CDN
    }

    static int Occurrences(string text, string value)
    {
        var n = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
