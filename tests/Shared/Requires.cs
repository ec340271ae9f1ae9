namespace SoftSkills.Tests;

/// <summary>
/// Preconditions of tests that need something outside the repository. A missing external program skips the test (reported
/// as skipped, never as passed), except under <c>CI=true</c>, where .ci/run installs it and its absence is a failure.
/// Missing external data (EPITOME) skips everywhere: a clone without ../shared has none.
/// </summary>
static class Requires
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>Skips (or fails under CI) unless <paramref name="available"/>.</summary>
    public static void Program(bool available, string reason)
    {
        if (available) return;
        if (InCi) Assert.Fail($"{reason} (CI=true: .ci/run installs it, so the test must run)");
        Skip.If(true, reason);
    }

    /// <summary>Skips unless the file exists; under CI it must exist.</summary>
    public static void ProgramFile(string path, string install) => Program(File.Exists(path), $"{path} is missing ({install})");

    /// <summary>Skips when external data is absent (everywhere: it is not part of the repository).</summary>
    public static void Data(string folder) => Skip.IfNot(Directory.Exists(folder), $"{Path.GetFullPath(folder)} is absent (external data is read from beside the clone)");

    /// <summary>EPITOME beside the clone, or where SOFTSKILLS_EPITOME points.</summary>
    public static string EpitomeFolder =>
        Environment.GetEnvironmentVariable("SOFTSKILLS_EPITOME") is { Length: > 0 } env ? env : Path.Combine(Repo.Root, "..", "shared", "data", "epitome");
}
