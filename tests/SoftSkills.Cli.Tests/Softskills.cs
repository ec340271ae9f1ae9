using System.Diagnostics;

namespace SoftSkills.Cli.Tests;

/// <summary>Runs the built <c>softskills</c> command as a separate process, as users and scripts do.</summary>
static class Softskills
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot => Repo.Root;
    public static string Sample => Path.Combine(RepoRoot, "data", "sample");

    public static Result Run(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "softskills.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException(string.Join(' ', args)); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("softskills-cli-").FullName;
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }

    /// <summary>A copy of the sample data folder that a test may damage.</summary>
    public string CopyOfSample()
    {
        var dir = File("data");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Softskills.Sample, "*.csv")) System.IO.File.Copy(f, System.IO.Path.Combine(dir, System.IO.Path.GetFileName(f)));
        return dir;
    }
}
