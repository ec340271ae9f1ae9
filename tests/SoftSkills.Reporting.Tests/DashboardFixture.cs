using SoftSkills.Analysis.Coaching;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Reporting.Dashboard;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Reporting.Tests;

/// <summary>The default pilot simulated once (reference engine) and its dashboard, shared by the tests of a class.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("softskills-dashboard-").FullName;
    public string DataDir => Path.Combine(Folder, "data");
    public string PagePath => Path.Combine(Folder, "dashboard.html");
    public static TriggerRules Rules => TriggerRules.Load(Path.Combine(AppContext.BaseDirectory, "triggers", "default.json"));
    public DashboardModel Model { get; private set; } = null!;

    public static string RepoRoot() => Repo.Root;

    /// <summary>The dashboard model of a pilot's data folder (its arms and effects included).</summary>
    public static DashboardModel Build(string dataDir, int minGroupSize = 5)
    {
        var (design, published) = PilotStudy.Publish(new DataFolder(dataDir), minGroupSize);
        return DashboardBuilder.Build(published, Rules, new DashboardOptions(), PilotStudy.FromPublished(published, design, null, new PilotOptions(minGroupSize)));
    }

    public async Task InitializeAsync()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepoRoot(), "data", "scenarios", "default-pilot.json"));
        await Simulator.RunAsync(scenario, DataDir, new ReferenceEngine());
        Model = Build(DataDir);
        File.WriteAllText(PagePath, DashboardPage.Html(Model));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
