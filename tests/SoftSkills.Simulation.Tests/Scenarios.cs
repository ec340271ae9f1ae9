using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>Scenarios and folders for the tests.</summary>
static class Scenarios
{
    public static string RepoRoot => Repo.Root;
    public static string DefaultPilotFile => Path.Combine(RepoRoot, "data", "scenarios", "default-pilot.json");
    public static Scenario DefaultPilot => ScenarioLoader.Load(DefaultPilotFile);

    /// <summary>The default pilot shrunk to about 40 employees over 30 days: every kind of event, seconds to run.</summary>
    public static Scenario Small(ulong? seed = null)
    {
        var s = ScenarioRescale.Rescale(DefaultPilot, 40, 30);
        return seed is { } x ? s with { Seed = x } : s;
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("softskills-sim-").FullName;
    public string Sub(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
