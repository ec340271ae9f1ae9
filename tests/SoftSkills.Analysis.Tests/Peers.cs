using System.Diagnostics;

namespace SoftSkills.Analysis.Tests;

/// <summary>
/// Live statistical peers run as programs: R (Debian's r-base-core with r-cran-psych, r-cran-clubsandwich) and Python 3
/// with statsmodels (python3-statsmodels). A test that needs one skips when it is absent, except under CI=true.
/// </summary>
static class Peers
{
    public const string Rscript = "/usr/bin/Rscript";
    public const string Python = "/usr/bin/python3"; // Debian's, which python3-statsmodels installs into

    /// <summary>Skips (or fails under CI) unless R can load every named package.</summary>
    public static void RequireR(params string[] packages)
    {
        Requires.ProgramFile(Rscript, "apt-get install r-base-core");
        var (code, _, err) = R(string.Concat(packages.Select(p => $"suppressMessages(library({p}))\n")));
        Requires.Program(code == 0, $"R cannot load {string.Join(", ", packages)} (apt-get install {string.Join(" ", packages.Select(p => "r-cran-" + p.ToLowerInvariant()))}): {err.Trim()}");
    }

    /// <summary>Skips (or fails under CI) unless Debian's Python can import every named module.</summary>
    public static void RequirePython(params string[] modules)
    {
        Requires.ProgramFile(Python, "apt-get install python3");
        var (code, _, err) = Py(string.Concat(modules.Select(m => $"import {m}\n")));
        Requires.Program(code == 0, $"python3 cannot import {string.Join(", ", modules)} (apt-get install python3-statsmodels): {err.Trim()}");
    }

    public static (int Code, string Out, string Err) R(string script) => Run(Rscript, ["--vanilla"], script, ".R");

    public static (int Code, string Out, string Err) Py(string script) => Run(Python, [], script, ".py");

    static (int Code, string Out, string Err) Run(string program, string[] args, string script, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"softskills-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, script);
        try
        {
            var start = new ProcessStartInfo(program, [.. args, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, output.Result, error.Result);
        }
        finally { File.Delete(path); }
    }
}
