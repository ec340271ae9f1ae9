using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Output;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation;

/// <summary>Runs a scenario on an engine and writes its data folder: the tables of docs/design.md §2 and <c>manifest.json</c>.</summary>
public static class Simulator
{
    /// <summary>
    /// Simulates every day and writes the output folder. Nothing appears in <paramref name="outDir"/> unless the whole run
    /// completes: cancelling or failing leaves no partial file.
    /// </summary>
    public static async Task<Manifest> RunAsync(Scenario scenario, string outDir, ISimulationEngine engine,
        IProgress<int>? daysDone = null, CancellationToken cancel = default)
    {
        var roster = Roster.Of(scenario);
        using var outputs = new AtomicOutputs();
        using var sink = new SimulationSink(outputs, outDir, roster);
        sink.WriteTable("employees", new EmployeeCodec(scenario.Cohorts.Keys.Order(StringComparer.Ordinal).ToList()),
            roster.Profiles(scenario).Select(roster.ToEmployee));
        sink.WriteTable("interventions", new InterventionCodec(), Interventions(scenario));
        await engine.StartAsync(scenario, roster);
        for (var day = 0; day < scenario.Days; day++)
        {
            cancel.ThrowIfCancellationRequested();
            await sink.AddAsync(await engine.RunDayAsync(day));
            daysDone?.Report(day + 1);
        }
        var manifest = new Manifest
        {
            Files = await sink.CompleteAsync(),
            Seed = scenario.Seed,
            Scenario = scenario.Name,
            ScenarioSha256 = ScenarioLoader.Sha256(scenario),
            Engine = engine.Name,
            Employees = roster.Employees,
            Teams = roster.TeamNames.Length,
            Days = scenario.Days,
            StartDate = scenario.StartDate.ToString("yyyy-MM-dd"),
            BaselineDays = scenario.Pilot.BaselineDays,
            PilotDays = scenario.Pilot.PilotDays,
        };
        sink.Dispose(); // close the tables before they are moved into place
        outputs.Write(Path.Combine(outDir, "manifest.json"), s =>
        {
            using var w = new StreamWriter(s, leaveOpen: true);
            w.Write(manifest.ToJson());
        });
        cancel.ThrowIfCancellationRequested();
        outputs.Commit();
        return manifest;
    }

    /// <summary>The pilot's arms as rows of <c>interventions</c>: each treatment team gets the enabled interventions; control teams are listed against the same kinds.</summary>
    public static IEnumerable<Intervention> Interventions(Scenario s)
    {
        var start = s.StartDate.AddDays(s.Pilot.BaselineDays);
        var end = s.StartDate.AddDays(s.Days - 1);
        var kinds = new List<InterventionKind>();
        if (s.Interventions.CoachingNudge.Enabled) kinds.Add(InterventionKind.CoachingNudge);
        if (s.Interventions.RealtimeFeedback.Enabled) kinds.Add(InterventionKind.RealtimeFeedback);
        foreach (var team in s.Pilot.TreatmentTeams)
            foreach (var k in kinds) yield return new Intervention(team, SubjectKind.Team, k, Arm.Treatment, start, end);
        foreach (var team in s.Pilot.ControlTeams)
            foreach (var k in kinds) yield return new Intervention(team, SubjectKind.Team, k, Arm.Control, start, end);
    }
}
